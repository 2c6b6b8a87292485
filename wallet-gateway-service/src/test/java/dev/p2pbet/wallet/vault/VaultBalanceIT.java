package dev.p2pbet.wallet.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.schemas.wallet.VaultBalanceReported;
import dev.p2pbet.wallet.support.TransferCommands;
import dev.p2pbet.wallet.support.TransferEventsRecorder;
import dev.p2pbet.wallet.support.WalletGatewayIT;
import dev.p2pbet.wallet.support.WalletSimulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WalletGatewayIT
class VaultBalanceIT {

    private static final TransferCommands commands = new TransferCommands();
    private final WalletSimulator simulator = WalletSimulator.shared();
    private final TransferEventsRecorder events = TransferEventsRecorder.shared();

    @Autowired
    VaultBalanceReports vault;

    @AfterAll
    static void closeProducer() {
        commands.close();
    }

    @Test
    void a_balance_request_is_answered_with_the_vault_balance_at_the_provider() {
        Instant asked = Instant.now().minusMillis(5);

        String requestId = commands.requestVaultBalance();

        VaultBalanceReported report = events.awaitReport(requestId, Duration.ofSeconds(20));
        assertThat(report.getBalance().getAmountMinor()).isEqualTo(simulator.balance("ESCROW_VAULT"));
        assertThat(report.getBalance().getCurrency()).isEqualTo("USD");
        assertThat(report.getAsOf()).isAfter(asked);
    }

    @Test
    void the_report_carries_the_providers_gas_quote_for_a_transfer_out_of_the_vault() {
        simulator.gas(40, 20);
        try {
            String requestId = commands.requestVaultBalance();

            VaultBalanceReported report = events.awaitReport(requestId, Duration.ofSeconds(20));
            assertThat(report.getGasQuote()).isNotNull();
            // the quote of 10,000 minor units (p2pbet.wallet.vault-report.gas-quote-amount-minor): 40 + 20 bps of it
            assertThat(report.getGasQuote().getAmountMinor()).isEqualTo(40 + 20);
            assertThat(report.getGasQuote().getCurrency()).isEqualTo("USD");
        } finally {
            simulator.normalNetwork();
        }
    }

    @Test
    void the_report_carries_what_the_ledger_expects_the_vault_to_hold() {
        await().atMost(Duration.ofSeconds(20)).until(() -> vault.read().discrepancyMinor() == 0);

        String requestId = commands.requestVaultBalance();

        VaultBalanceReported report = events.awaitReport(requestId, Duration.ofSeconds(20));
        assertThat(report.getLedgerExpectedBalance()).isNotNull();
        assertThat(report.getLedgerExpectedBalance().getAmountMinor()).isEqualTo(report.getBalance().getAmountMinor());
    }

    @Test
    void the_ledger_expects_exactly_what_the_provider_holds_in_the_vault_once_no_transfer_is_in_flight() {
        await().atMost(Duration.ofSeconds(20)).until(() -> vault.read().discrepancyMinor() == 0);
    }
}
