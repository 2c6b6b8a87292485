package dev.p2pbet.localstack.demo;

import static dev.p2pbet.localstack.Money.format;
import static dev.p2pbet.localstack.demo.Bettors.STEP_TIMEOUT;
import static dev.p2pbet.localstack.demo.Bettors.walletOf;
import static dev.p2pbet.localstack.demo.Narrator.expect;
import static dev.p2pbet.localstack.demo.Narrator.signed;

import dev.p2pbet.localstack.PlatformAccounts;
import dev.p2pbet.localstack.PlatformStack;
import dev.p2pbet.localstack.RunningStack;
import dev.p2pbet.localstack.StackEndpoints;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed's story, played against a running platform through its API entry point and narrated with balances: two
 * users sign up and are funded, A offers a bet on a player's points, B accepts, the game is simulated, the liquidity
 * audit passes, the winner is paid, stats and leaderboard update ({@link PlayerStatBetStory}); then a second game is
 * cancelled and both stakes come back minus the gas ({@link CancelledGameStory}). It ends with the sum over all the
 * provider's accounts, which must not have moved.
 *
 * <p>Every step checks what the platform promises and waits with a deadline; the first broken promise ends the run
 * with a {@link DemoFailure} that says what was seen. User and game ids are new at every run, so it can run again
 * on the same stack.
 */
public final class Demo {

    private static final long CREATOR_DEPOSIT = 100_00;
    private static final long ACCEPTOR_DEPOSIT = 50_00;

    private final DemoApi api;
    private final PlatformAccounts accounts;
    private final Narrator narrator;
    private final Bettors bettors;

    private Demo(StackEndpoints stack, PrintStream out) {
        this.api = new DemoApi(stack);
        this.accounts = PlatformAccounts.of(stack);
        this.narrator = new Narrator(out);
        String runId = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);
        this.bettors = new Bettors(runId, api, narrator);
    }

    /** Plays the story against {@code stack}, narrating to {@code out}; throws {@link DemoFailure} at the first broken promise. */
    public static DemoResult run(StackEndpoints stack, PrintStream out) {
        return new Demo(stack, out).play();
    }

    /**
     * `./platform demo`: against the stack `./platform run` keeps in {@code stateDir}, or with {@code --own-stack}
     * against one started on free ports for the run. Answers the process's exit status.
     */
    public static int runFromCommandLine(Path projectRoot, Path stateDir, List<String> args, PrintStream out) {
        try {
            if (args.contains("--own-stack")) {
                Path ownState = Files.createTempDirectory("p2pbet-demo-stack-");
                try (PlatformStack stack = PlatformStack.start(PlatformStack.Options.forTests(projectRoot, ownState))) {
                    return run(stack, out).moneyConserved() ? 0 : 1;
                }
            }
            return run(RunningStack.in(stateDir), out).moneyConserved() ? 0 : 1;
        } catch (Exception e) {
            out.println();
            out.println("DEMO FAILED: " + (e instanceof DemoFailure || e instanceof IllegalStateException
                    ? e.getMessage() : e.toString()));
            return 1;
        }
    }

    private DemoResult play() {
        long began = System.nanoTime();
        String creator = bettors.creator;
        String acceptor = bettors.acceptor;
        narrator.say("P2P betting demo, run %s, through the API entry point %s", bettors.runId, api.api(""));
        PlatformAccounts.Snapshot before = accounts.requireOpened();
        narrator.say("The provider's accounts before: %s; sum over all accounts %s", platformBalances(before),
                format(before.total()));

        narrator.step("Two users sign up: Cognito's post-confirmation hook (POST /hooks/cognito/post-confirmation) "
                + "creates their wallets");
        api.signUp(creator);
        api.signUp(acceptor);
        narrator.detail("%s and %s have a wallet at the gateway (no address linked yet)", creator, acceptor);

        narrator.step("They open an account at the wallet provider, deposit money (sandbox) and link it "
                + "(PUT /api/wallets/me)");
        Map<String, Long> deposits = Map.of(creator, CREATOR_DEPOSIT, acceptor, ACCEPTOR_DEPOSIT);
        bettors.fund(creator, CREATOR_DEPOSIT);
        bettors.fund(acceptor, ACCEPTOR_DEPOSIT);
        long deposited = CREATOR_DEPOSIT + ACCEPTOR_DEPOSIT;
        PlatformAccounts.Snapshot funded = accounts.read();
        narrator.detail("sum over all accounts: %s (+%s deposited)", format(funded.total()), format(deposited));
        expect(funded.total() == before.total() + deposited, "the deposits to add exactly " + format(deposited)
                + " to the sum over all accounts, which went " + format(before.total()) + " -> " + format(funded.total()));

        PlayerStatBetStory.Outcome settled = new PlayerStatBetStory(api, accounts, bettors, narrator).play(funded, deposits);
        CancelledGameStory.Refunds refunds = new CancelledGameStory(api, bettors, narrator).play();

        narrator.step("The money: nothing created, nothing lost");
        PlatformAccounts.Snapshot end = Poll.until("the vault to hold what it held before the demo's bets",
                STEP_TIMEOUT, () -> Optional.of(accounts.read())
                        .filter(s -> s.balance("ESCROW_VAULT") == funded.balance("ESCROW_VAULT")),
                () -> "ESCROW_VAULT " + format(accounts.read().balance("ESCROW_VAULT")));
        for (String user : List.of(creator, acceptor)) {
            narrator.detail("%s: %s -> %s", user, format(deposits.get(user)), format(end.balance(walletOf(user))));
        }
        for (String account : List.of("ESCROW_VAULT", "PLATFORM_OPS", "PLATFORM_REVENUE", PlatformAccounts.NETWORK_FEES)) {
            narrator.detail("%-17s %s -> %s (%s)", account, format(funded.balance(account)), format(end.balance(account)),
                    signed(end.balance(account) - funded.balance(account)));
        }
        long gasPaid = end.balance(PlatformAccounts.NETWORK_FEES) - funded.balance(PlatformAccounts.NETWORK_FEES);
        narrator.detail("PLATFORM_OPS sponsored %s of gas (to NETWORK_FEES) and recovered %s from the refunds: %s",
                format(gasPaid), format(refunds.gasRecovered()), signed(refunds.gasRecovered() - gasPaid));
        narrator.detail("sum over all accounts before the demo: %s, + %s deposited = %s", format(before.total()),
                format(deposited), format(before.total() + deposited));
        narrator.detail("sum over all accounts after funding:   %s", format(funded.total()));
        narrator.detail("sum over all accounts at the end:      %s  %s", format(end.total()),
                end.total() == funded.total() ? "(equal: the gas went to NETWORK_FEES, itself an account)" : "(NOT EQUAL)");
        expect(end.total() == funded.total(), "the sum over all accounts to stay " + format(funded.total())
                + "; it is " + format(end.total()));
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        narrator.say("%nDemo passed in %d s.", took.toSeconds());
        return new DemoResult(bettors.runId, creator, acceptor, settled.betId(), settled.status(), settled.winner(),
                settled.payout(), settled.fee(), refunds.betId(), refunds.creatorRefund(), refunds.acceptorRefund(),
                before.total(), deposited, funded.total(), end.total(), took);
    }

    private static String platformBalances(PlatformAccounts.Snapshot snapshot) {
        StringBuilder text = new StringBuilder();
        for (String account : PlatformAccounts.PLATFORM) {
            text.append(account).append(' ').append(format(snapshot.balance(account))).append(", ");
        }
        return text.append(PlatformAccounts.NETWORK_FEES).append(' ')
                .append(format(snapshot.balances().getOrDefault(PlatformAccounts.NETWORK_FEES, 0L))).toString();
    }
}
