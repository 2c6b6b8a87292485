package dev.p2pbet.settlement.audit.messaging;

import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.VaultBalanceReported;
import dev.p2pbet.settlement.Avro;
import dev.p2pbet.settlement.audit.LiquidityAuditor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The gateway's answers to our vault balance requests. */
@Component
class VaultBalanceReportsListener {

    private final LiquidityAuditor auditor;

    VaultBalanceReportsListener(LiquidityAuditor auditor) {
        this.auditor = auditor;
    }

    @KafkaListener(topics = Topics.WALLET_VAULT_BALANCE_REPORTS)
    void on(VaultBalanceReported report) {
        auditor.reported(report.getEventId().toString(), report.getRequestId(), Avro.money(report.getBalance()),
                report.getGasQuote() == null ? null : Avro.money(report.getGasQuote()));
    }
}
