package dev.p2pbet.localstack;

import dev.p2pbet.localstack.entrypoint.PlatformRoutes;
import dev.p2pbet.localstack.entrypoint.Route;
import dev.p2pbet.testinfra.support.ShutdownHooks;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `./platform run`: the {@link PlatformStack} on the fixed local ports, a page of where everything is, and Ctrl-C
 * to stop it all (services before the servers they use).
 */
final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    /**
     * {@code freePorts}: every port a free one (when 8080-8085 or the servers' ports are taken). Returns only when
     * the JVM ends: Ctrl-C or SIGTERM runs the stack's shutdown hook, which it registers before it starts anything,
     * so a stop while the platform is still starting leaves nothing behind either.
     */
    static void run(Path projectRoot, Path stateDir, boolean freePorts) throws InterruptedException {
        // The stack stops the servers itself, services before the servers they use: JVM hooks run concurrently, so
        // the servers' own hooks would stop Kafka under services still using it.
        System.setProperty(ShutdownHooks.DISABLED_PROPERTY, "true");
        long began = System.nanoTime();
        PlatformStack stack;
        try {
            stack = PlatformStack.start(new PlatformStack.Options(projectRoot, stateDir, freePorts));
        } catch (RuntimeException e) {
            log.error("Local stack failed to start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(whereEverythingIs(stack, projectRoot, (System.nanoTime() - began) / 1_000_000_000));
        Thread.currentThread().join();
    }

    static String whereEverythingIs(PlatformStack stack, Path projectRoot, long seconds) {
        StringBuilder out = new StringBuilder("\n\nThe platform is up (" + seconds + " s). Ctrl-C stops everything.\n");
        out.append("\nThe API, through the entry point (the API gateway's stand-in; CORS for ")
                .append(PlatformStack.DEFAULT_FRONTEND_ORIGIN).append(", P2PBET_FRONTEND_ORIGIN for another):\n");
        out.append("  ").append(stack.apiUrl()).append('\n');
        for (Route route : PlatformRoutes.all()) {
            out.append(String.format("    %-36s -> %-24s %s", route.pattern() + (route.exact() ? "" : "/**"),
                    route.module(), route.deployed() ? "" : "(admin; local only)").stripTrailing()).append('\n');
        }
        out.append("\nEach service directly (health: /actuator/health, logs in ")
                .append(projectRoot.relativize(stack.stateDir().resolve("logs"))).append("/):\n");
        for (String module : stack.modules()) {
            out.append(String.format("  %-24s %s%n", module, stack.serviceUrl(module)));
        }
        out.append(String.format("%n  %-24s %s%n", "Kafka bootstrap", stack.kafkaBootstrapServers()));
        out.append(String.format("  %-24s %s (user %s)%n", "PostgreSQL", stack.jdbcUrl("postgres"), stack.postgresUser()));
        out.append(String.format("  %-24s %s%n", "Schema registry", stack.registryUrl()));
        out.append(String.format("  %-24s %s%n", "Confluent-compatible", stack.registryCcompatUrl()));
        PlatformAccounts.Snapshot accounts = PlatformAccounts.of(stack).requireOpened();
        out.append("\nThe wallet provider's platform accounts (wallet-simulator; sandbox key in ")
                .append(projectRoot.relativize(stack.stateDir().resolve("sandbox-key"))).append("):\n");
        for (String account : PlatformAccounts.PLATFORM) {
            out.append(String.format("  %-24s %s%n", account, Money.format(accounts.balance(account))));
        }
        out.append(String.format("  %-24s %s   (sum over all accounts: %s)%n", PlatformAccounts.NETWORK_FEES,
                Money.format(accounts.balances().getOrDefault(PlatformAccounts.NETWORK_FEES, 0L)),
                Money.format(accounts.total())));
        out.append("""

                  A token for user alice:   ./platform token alice      (an admin: ./platform token ops --groups admin)
                  The demo:                 ./platform demo             (in another terminal)
                """);
        return out.toString();
    }
}
