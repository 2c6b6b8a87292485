package dev.p2pbet.wallet.transfer;

import static dev.p2pbet.wallet.support.TransferCommands.aBetId;
import static dev.p2pbet.wallet.support.Users.walletOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.testinfra.RealInfrastructure;
import dev.p2pbet.testinfra.process.SpringBootProcess;
import dev.p2pbet.wallet.support.MoneyConservation;
import dev.p2pbet.wallet.support.TransferCommands;
import dev.p2pbet.wallet.support.TransferEventsRecorder;
import dev.p2pbet.wallet.support.WalletSimulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real crash: the gateway's own jar runs as a child JVM with {@code p2pbet.wallet.crash-test.halt-after-provider-call}
 * on, so it halts (Runtime.halt: no shutdown hook, no commit) right after the provider accepted the transfer. The
 * ledger is left {@code requested} while the provider holds the transfer. The gateway is then started again without
 * the switch; webhooks are dropped for this test, so only the restarted gateway's reconciler (look-up by idempotency
 * key, then poll) can finish the transfer. Runs first (see junit-platform.properties): the child uses the same
 * database, consumer group and webhook port as the in-JVM gateway of the other ITs, which has not started yet.
 */
@Order(1)
@ExtendWith(MoneyConservation.class)
class GatewayCrashIT {

    private static final Duration START = Duration.ofSeconds(120);

    @Test
    void the_gateway_killed_between_the_provider_call_and_its_commit_moves_money_once_after_a_restart() throws Exception {
        WalletSimulator simulator = WalletSimulator.shared();
        simulator.faults("{\"webhook_drop_rate\":1.0}");
        Path jar = SpringBootProcess.bootJar(Path.of("").toAbsolutePath());
        SpringBootProcess crashing = SpringBootProcess.start("wallet-gateway-crashing", jar, simulator.gatewayPort(),
                Path.of("target/gateway-crashing.log"), gatewayEnvironment(true));
        String transferId;
        try (TransferCommands commands = new TransferCommands()) {
            crashing.awaitReady(START);
            TransferEventsRecorder events = TransferEventsRecorder.shared();
            String user = "user-" + UUID.randomUUID();
            simulator.fundedAccount(walletOf(user), 5_000);
            linkWallet(user, walletOf(user));
            String betId = aBetId();
            transferId = TransferIds.escrowCreator(betId);

            commands.send(TransferCommands.escrowIn(betId, user, 1_000));

            await().atMost(Duration.ofSeconds(60)).until(() -> hasExited(crashing));
            assertThat(simulator.transferByKey(transferId)).as("the provider accepted the transfer").isPresent();
            assertThat(ledgerStatus(transferId)).as("the crash left the ledger behind").isEqualTo("requested");
            assertThat(events.outcomes(transferId)).isEmpty();

            SpringBootProcess restarted = SpringBootProcess.start("wallet-gateway-restarted", jar,
                    simulator.gatewayPort(), Path.of("target/gateway-restarted.log"), gatewayEnvironment(false));
            try {
                restarted.awaitReady(START);

                TransferConfirmed confirmed = events.awaitConfirmed(transferId, Duration.ofSeconds(60));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                        .until(() -> events.outcomes(transferId).size() == 1);
                assertThat(confirmed.getProviderReference())
                        .isEqualTo(simulator.transferByKey(transferId).orElseThrow().path("id").asString());
                assertThat(simulator.balance(walletOf(user))).isEqualTo(4_000);
                assertThat(ledgerStatus(transferId)).isEqualTo("confirmed");
            } finally {
                restarted.close();
            }
        } finally {
            crashing.close();
        }
    }

    private static boolean hasExited(SpringBootProcess process) {
        try {
            process.isReady();
            return false;
        } catch (IllegalStateException exited) {
            return true;
        }
    }

    private static Map<String, String> gatewayEnvironment(boolean haltAfterProviderCall) {
        RealInfrastructure infra = RealInfrastructure.shared();
        WalletSimulator simulator = WalletSimulator.shared();
        Map<String, String> env = infra.serviceEnvironment("wallet_gateway");
        env.put("P2PBET_WALLET_PROVIDER_URL", simulator.url());
        env.put("P2PBET_WALLET_PROVIDER_APIKEY", WalletSimulator.API_KEY);
        env.put("P2PBET_WALLET_WEBHOOK_SECRET", WalletSimulator.WEBHOOK_SECRET);
        env.put("P2PBET_WALLET_RECONCILER_INTERVAL", "300ms");
        env.put("P2PBET_WALLET_RECONCILER_SUBMITTEDAFTER", "1s");
        env.put("P2PBET_WALLET_PROVIDER_CONNECTTIMEOUT", "250ms");
        env.put("P2PBET_WALLET_PROVIDER_READTIMEOUT", "500ms");
        env.put("P2PBET_WALLET_PROVIDER_INITIALBACKOFF", "100ms");
        env.put("P2PBET_WALLET_RECONCILER_REQUESTEDAFTER", "3s");
        env.put("P2PBET_WALLET_CRASHTEST_HALTAFTERPROVIDERCALL", Boolean.toString(haltAfterProviderCall));
        return env;
    }

    private static void linkWallet(String userId, String address) throws SQLException {
        try (Connection db = database();
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO wallets (user_id, external_wallet_address) VALUES (?, ?)")) {
            insert.setString(1, userId);
            insert.setString(2, address);
            insert.executeUpdate();
        }
    }

    private static String ledgerStatus(String transferId) throws SQLException {
        try (Connection db = database();
             PreparedStatement select = db.prepareStatement("SELECT status FROM wallet_transactions WHERE transfer_id = ?")) {
            select.setString(1, transferId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : "absent";
            }
        }
    }

    private static Connection database() throws SQLException {
        RealInfrastructure infra = RealInfrastructure.shared();
        return DriverManager.getConnection(infra.jdbcUrl("wallet_gateway"), infra.dbUsername(), infra.dbPassword());
    }
}
