package dev.p2pbet.walletsim.transfer.domain;

import dev.p2pbet.walletsim.account.domain.SystemAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A transfer between two accounts, with its gas sponsored by {@code PLATFORM_OPS}.
 *
 * <p>At submission the amount is held on the source and the gas limit on the sponsor ({@link #holds()}), so
 * insufficient funds is known at once. At confirmation the holds are released and the money moves
 * ({@link #postings()}): source {@code -amount}, destination {@code +amount}, sponsor {@code -gas}, network fees
 * {@code +gas}; the postings always sum to zero. A failed transfer only releases its holds.
 *
 * <p>{@code sequence} grows with every status change (1 pending, 2 settled) so a consumer of out-of-order
 * webhooks can keep the latest.
 */
public record Transfer(
        UUID id,
        String clientId,
        String idempotencyKey,
        TransferRequest request,
        long gasLimitMinor,
        Long gasUsedMinor,
        TransferStatus status,
        String failureReason,
        int sequence,
        Instant createdAt,
        Instant confirmAfter,
        Instant settledAt) {

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(confirmAfter, "confirmAfter");
    }

    public static Transfer accept(UUID id, String clientId, String idempotencyKey, TransferRequest request,
                                  long gasLimitMinor, Instant now, Duration confirmationDelay) {
        return new Transfer(id, clientId, idempotencyKey, request, gasLimitMinor, null, TransferStatus.PENDING, null, 1,
                now, now.plus(confirmationDelay), null);
    }

    /** Whether a second request under this transfer's idempotency key is the same request (a replay). */
    public boolean isReplayedBy(TransferRequest other) {
        return request.fingerprint().equals(other.fingerprint());
    }

    public Transfer confirm(long gasUsedMinor, Instant at) {
        TransferStatus next = status.confirm();
        if (gasUsedMinor < 0 || gasUsedMinor > gasLimitMinor) {
            throw new IllegalArgumentException("Gas used " + gasUsedMinor + " is outside 0.." + gasLimitMinor);
        }
        return new Transfer(id, clientId, idempotencyKey, request, gasLimitMinor, gasUsedMinor, next, null,
                sequence + 1, createdAt, confirmAfter, at);
    }

    public Transfer fail(String reason, Instant at) {
        TransferStatus next = status.fail();
        return new Transfer(id, clientId, idempotencyKey, request, gasLimitMinor, null, next,
                Objects.requireNonNull(reason, "reason"), sequence + 1, createdAt, confirmAfter, at);
    }

    /** Amounts held per account while the transfer is pending, in account-id order (the lock order). */
    public SortedMap<String, Long> holds() {
        SortedMap<String, Long> holds = new TreeMap<>();
        holds.merge(request.from(), request.amountMinor(), Math::addExact);
        holds.merge(SystemAccount.SPONSOR.id(), gasLimitMinor, Math::addExact);
        return holds;
    }

    /** Balance changes of a confirmed transfer, in account-id order; they sum to zero. */
    public SortedMap<String, Long> postings() {
        if (status != TransferStatus.CONFIRMED) {
            throw new IllegalStateException("Only a confirmed transfer moves money; this one is " + status.code());
        }
        SortedMap<String, Long> postings = new TreeMap<>();
        postings.merge(request.from(), -request.amountMinor(), Math::addExact);
        postings.merge(request.to(), request.amountMinor(), Math::addExact);
        postings.merge(SystemAccount.SPONSOR.id(), -gasUsedMinor, Math::addExact);
        postings.merge(SystemAccount.NETWORK_FEES.id(), gasUsedMinor, Math::addExact);
        postings.values().removeIf(delta -> delta == 0);
        return postings;
    }

    /** Every account a settlement touches, in lock order. */
    public SortedMap<String, Long> touchedAccounts() {
        SortedMap<String, Long> touched = new TreeMap<>(holds());
        touched.putIfAbsent(request.to(), 0L);
        touched.putIfAbsent(SystemAccount.NETWORK_FEES.id(), 0L);
        return touched;
    }
}
