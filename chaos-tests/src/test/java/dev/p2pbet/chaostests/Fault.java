package dev.p2pbet.chaostests;

import static dev.p2pbet.systemtests.support.SystemUnderTest.SETTLEMENT;
import static dev.p2pbet.systemtests.support.SystemUnderTest.WALLET_GATEWAY;

import dev.p2pbet.testinfra.process.SpringBootProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One kind of fault a round injects: what it breaks, and how the broken part comes back. {@link #inject} returns
 * once the part is back (process ready, server answering); the platform then has to finish the work in flight by
 * itself.
 */
interface Fault {

    /** How long a restarted service may take to be ready on a busy 2-core machine. */
    Duration READY = Duration.ofMinutes(3);

    /** The gateway's test-only crash point (CrashPoint): halt right after the provider accepted a transfer. */
    Map<String, String> GATEWAY_CRASH_POINT = Map.of("P2PBET_WALLET_CRASHTEST_HALTAFTERPROVIDERCALL", "true");

    /** What the round tells the fault: when it lands (work in flight is counted then) and what it takes away. */
    interface Witness {

        /** Called right before the fault lands (or right after, for a crash the process causes itself). */
        void atFault();

        /** A service's process is about to go away: its counters are read first. */
        void losing(String module);
    }

    String name();

    /** Before the round's first request: a crash point switched on, a spare instance started. */
    default void prepare(ChaosPlatform platform, Witness witness) {
    }

    /** Breaks something and brings it back; returns when it is back. */
    void inject(ChaosPlatform platform, Witness witness) throws Exception;

    /** Extra log files the fault's processes write (an extra instance), counted with the services' logs. */
    default List<String> extraInstances() {
        return List.of();
    }

    /** kill -9 of a service, started again at once (same port, same database). */
    static Fault kill(String module) {
        return new Fault() {
            @Override
            public String name() {
                return "kill -9 " + module;
            }

            @Override
            public void inject(ChaosPlatform platform, Witness witness) {
                SpringBootProcess process = platform.process(module);
                witness.losing(module);
                witness.atFault();
                process.kill();
                process.restart();
                process.awaitReady(READY);
            }
        };
    }

    /**
     * The gateway halts between a provider call and the commit of its answer (the provider moved the money, the
     * gateway's ledger does not know): started with its crash point before the round, it dies on the round's first
     * transfer; started again without it, it must find the transfer at the provider instead of moving money twice.
     */
    static Fault gatewayCrashAfterProviderCall() {
        return new Fault() {
            @Override
            public String name() {
                return "gateway halts between provider call and commit";
            }

            @Override
            public void prepare(ChaosPlatform platform, Witness witness) {
                witness.losing(WALLET_GATEWAY);
                platform.stack().restartWith(WALLET_GATEWAY, GATEWAY_CRASH_POINT).awaitReady(READY);
            }

            @Override
            public void inject(ChaosPlatform platform, Witness witness) {
                SpringBootProcess armed = platform.process(WALLET_GATEWAY);
                long deadline = System.nanoTime() + READY.toNanos();
                while (isAlive(armed)) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the gateway's crash point did not fire within " + READY);
                    }
                    Round.sleep(Duration.ofMillis(50));
                }
                witness.atFault();
                platform.stack().restartWith(WALLET_GATEWAY, Map.of()).awaitReady(READY);
            }
        };
    }

    /** The broker stopped (controlled shutdown) and started again after {@code down}, same port and data. */
    static Fault restartKafka(Duration down) {
        return new Fault() {
            @Override
            public String name() {
                return "Kafka broker restarted (" + down.toSeconds() + " s down)";
            }

            @Override
            public void inject(ChaosPlatform platform, Witness witness) {
                witness.atFault();
                platform.stack().stopKafka();
                Round.sleep(down);
                platform.stack().startKafkaAgain();
                awaitAllReady(platform);
            }
        };
    }

    /** PostgreSQL stopped (fast shutdown) and started again after {@code down}, same port and data. */
    static Fault restartPostgres(Duration down) {
        return new Fault() {
            @Override
            public String name() {
                return "PostgreSQL restarted (" + down.toSeconds() + " s down)";
            }

            @Override
            public void inject(ChaosPlatform platform, Witness witness) {
                witness.atFault();
                platform.stack().stopPostgres();
                Round.sleep(down);
                platform.stack().startPostgresAgain();
                awaitAllReady(platform);
            }
        };
    }

    /**
     * A second settlement-service joins the consumer groups before the games end (a rebalance), and is killed with
     * -9 in the middle of the settlement: the partitions it held go back to the first instance once the group
     * notices (session time-out), with records it had applied but not committed delivered again.
     */
    static Fault settlementRebalance() {
        String instance = SETTLEMENT + "-2";
        return new Fault() {
            private SpringBootProcess second;

            @Override
            public String name() {
                return "settlement rebalance (2nd instance joins, killed mid-settlement)";
            }

            @Override
            public void prepare(ChaosPlatform platform, Witness witness) {
                second = platform.stack().startExtraInstance(SETTLEMENT, instance).awaitReady(READY);
            }

            @Override
            public void inject(ChaosPlatform platform, Witness witness) {
                witness.atFault();
                second.kill();
            }

            @Override
            public List<String> extraInstances() {
                return List.of(instance);
            }
        };
    }

    /**
     * A second settlement-service started while a game settles (the group rebalances when it joins) and killed with
     * -9 as soon as it is ready (a second rebalance after the session time-out).
     */
    static Fault settlementJoinsMidSettlement() {
        String instance = SETTLEMENT + "-3";
        return new Fault() {
            @Override
            public String name() {
                return "settlement rebalance (instance started mid-settlement, then killed)";
            }

            @Override
            public void inject(ChaosPlatform platform, Witness witness) {
                witness.atFault();
                SpringBootProcess joining = platform.stack().startExtraInstance(SETTLEMENT, instance);
                joining.awaitReady(READY);
                joining.kill();
            }

            @Override
            public List<String> extraInstances() {
                return List.of(instance);
            }
        };
    }

    static boolean isAlive(SpringBootProcess process) {
        try {
            process.isReady();
            return true;
        } catch (IllegalStateException exited) {
            return false;
        }
    }

    static void awaitAllReady(ChaosPlatform platform) {
        for (String module : platform.stack().modules()) {
            platform.process(module).awaitReady(READY);
        }
    }
}
