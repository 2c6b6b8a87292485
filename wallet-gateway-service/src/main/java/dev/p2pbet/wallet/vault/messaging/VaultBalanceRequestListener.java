package dev.p2pbet.wallet.vault.messaging;

import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.VaultBalanceRequested;
import dev.p2pbet.wallet.vault.VaultBalanceReports;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Liquidity audits ask for the vault balance; a provider outage is retried by the listener, then the DLT. */
@Component
class VaultBalanceRequestListener {

    private final VaultBalanceReports reports;

    VaultBalanceRequestListener(VaultBalanceReports reports) {
        this.reports = reports;
    }

    @KafkaListener(topics = Topics.WALLET_VAULT_BALANCE_REQUESTS)
    void on(VaultBalanceRequested request) {
        reports.report(request.getEventId().toString(), request.getRequestId());
    }
}
