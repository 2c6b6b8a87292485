package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.account.domain.SystemAccount;
import dev.p2pbet.walletsim.transfer.domain.Transfer;
import java.time.Instant;
import java.util.UUID;

/** A transfer as the API and the webhooks show it (snake_case on the wire). */
public record TransferView(
        UUID id,
        String idempotencyKey,
        String status,
        int sequence,
        String from,
        String to,
        long amountMinor,
        String currency,
        String reference,
        String gasSponsor,
        long gasLimitMinor,
        Long gasUsedMinor,
        String failureReason,
        Instant createdAt,
        Instant settledAt) {

    public static TransferView of(Transfer transfer) {
        return new TransferView(transfer.id(), transfer.idempotencyKey(), transfer.status().code(), transfer.sequence(),
                transfer.request().from(), transfer.request().to(), transfer.request().amountMinor(),
                transfer.request().currency(), transfer.request().reference().isEmpty() ? null : transfer.request().reference(),
                SystemAccount.SPONSOR.id(),
                transfer.gasLimitMinor(), transfer.gasUsedMinor(), transfer.failureReason(), transfer.createdAt(),
                transfer.settledAt());
    }
}
