package dev.p2pbet.wallet.transfer.persistence;

import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.plumbing.outbox.TraceHeaders;
import dev.p2pbet.wallet.transfer.domain.FailureReason;
import dev.p2pbet.wallet.transfer.domain.Transfer;
import dev.p2pbet.wallet.transfer.domain.TransferFailure;
import dev.p2pbet.wallet.transfer.domain.TransferStatus;
import dev.p2pbet.wallet.transfer.domain.TransferType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The transfer ledger ({@code wallet_transactions}). Every status change is a guarded update: it names the status
 * it expects and reports whether it won, and only the winner publishes the outcome, so a webhook delivered twice,
 * a webhook racing the reconciler, or two replicas can never publish twice.
 */
@Repository
public class TransferLedger {

    private static final String COLUMNS = """
            transfer_id, type, bet_id, user_id, from_account, to_account, amount_minor, currency, gas_quote_minor,
            status, provider_transfer_id, gas_used_minor, failure_reason, failure_message, failure_retryable, attempts""";

    /**
     * Transfers left in a status (parameter 1) for longer than a number of milliseconds (2), oldest first, at most
     * a number (3). Both sides of the comparison are the database's clock, as every {@code updated_at} is.
     */
    private static final String STALE_OLDEST_FIRST = """
            SELECT transfer_id FROM wallet_transactions
            WHERE status = ? AND updated_at < now() - ? * interval '1 millisecond'
            ORDER BY updated_at LIMIT ?""";

    private final JdbcClient jdbc;
    private final TraceHeaders trace;

    TransferLedger(JdbcClient jdbc, ObjectProvider<TraceHeaders> trace) {
        this.jdbc = jdbc;
        this.trace = trace.getIfAvailable(() -> TraceHeaders.NONE);
    }

    /**
     * Stores a new transfer, with the trace of the transaction that stores it (the command's); false when its
     * transfer_id is already in the ledger.
     */
    public boolean insert(Transfer transfer) {
        TransferFailure failure = transfer.failure();
        return jdbc.sql("""
                INSERT INTO wallet_transactions (transfer_id, type, bet_id, user_id, from_account, to_account,
                    amount_minor, currency, gas_quote_minor, status, failure_reason, failure_message, failure_retryable,
                    settled_at, trace_headers, attempts)
                VALUES (:id, :type, :bet, :user, :from, :to, :amount, :currency, :quote, :status, :reason, :message,
                    :retryable, CASE WHEN :status IN ('confirmed', 'failed') THEN now() END, :trace, :attempts)
                ON CONFLICT (transfer_id) DO NOTHING""")
                .param("id", transfer.transferId())
                .param("type", transfer.type().code())
                .param("bet", transfer.betId())
                .param("user", transfer.userId())
                .param("from", transfer.from())
                .param("to", transfer.to())
                .param("amount", transfer.amount().amountMinor())
                .param("currency", transfer.amount().currency())
                .param("quote", transfer.gasQuote() == null ? null : transfer.gasQuote().amountMinor())
                .param("status", transfer.status().code())
                .param("reason", failure == null ? null : failure.reason().name())
                .param("message", failure == null ? null : failure.message())
                .param("retryable", failure == null ? null : failure.retryable())
                .param("trace", TraceHeaders.encode(trace.current()))
                .param("attempts", transfer.attempts())
                .update() == 1;
    }

    /** The trace of the command that requested the transfer (empty when it carried none). */
    public Optional<Map<String, String>> traceOf(String transferId) {
        return jdbc.sql("SELECT trace_headers FROM wallet_transactions WHERE transfer_id = ?").param(transferId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(t -> t)
                .filter(t -> !t.isEmpty()).map(TraceHeaders::decode);
    }

    public Optional<Transfer> find(String transferId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM wallet_transactions WHERE transfer_id = ?")
                .param(transferId).query(TransferLedger::map).optional();
    }

    /** Counts a provider call that is about to be made; false when the transfer is no longer requested. */
    public boolean recordAttempt(String transferId) {
        return jdbc.sql("""
                UPDATE wallet_transactions SET attempts = attempts + 1, updated_at = now()
                WHERE transfer_id = ? AND status = 'requested'""").param(transferId).update() == 1;
    }

    /** requested -> submitted. */
    public boolean markSubmitted(Transfer submitted) {
        return jdbc.sql("""
                UPDATE wallet_transactions SET status = 'submitted', provider_transfer_id = ?, updated_at = now()
                WHERE transfer_id = ? AND status = 'requested'""")
                .params(submitted.providerTransferId(), submitted.transferId()).update() == 1;
    }

    /** requested | submitted -> confirmed; the caller publishes TransferConfirmed only when this returns true. */
    public boolean markConfirmed(Transfer confirmed) {
        return jdbc.sql("""
                UPDATE wallet_transactions SET status = 'confirmed', provider_transfer_id = ?, gas_used_minor = ?,
                    updated_at = now(), settled_at = now()
                WHERE transfer_id = ? AND status IN ('requested', 'submitted')""")
                .params(confirmed.providerTransferId(), confirmed.gasUsed().amountMinor(), confirmed.transferId())
                .update() == 1;
    }

    /** requested | submitted -> failed; the caller publishes TransferFailed only when this returns true. */
    public boolean markFailed(Transfer failed) {
        TransferFailure failure = failed.failure();
        return jdbc.sql("""
                UPDATE wallet_transactions SET status = 'failed', provider_transfer_id = ?, failure_reason = ?,
                    failure_message = ?, failure_retryable = ?, updated_at = now(), settled_at = now()
                WHERE transfer_id = ? AND status IN ('requested', 'submitted')""")
                .params(failed.providerTransferId(), failure.reason().name(), failure.message(), failure.retryable(),
                        failed.transferId())
                .update() == 1;
    }

    /** failed (retryable) -> requested, when the same transfer is commanded again. */
    public boolean reopen(Transfer reopened) {
        return jdbc.sql("""
                UPDATE wallet_transactions SET status = 'requested', provider_transfer_id = NULL, failure_reason = NULL,
                    failure_message = NULL, failure_retryable = NULL, settled_at = NULL, updated_at = now()
                WHERE transfer_id = ? AND status = 'failed' AND failure_retryable""")
                .param(reopened.transferId()).update() == 1;
    }

    /**
     * Claims up to {@code limit} transfers left in {@code status} for longer than {@code stale}: their
     * {@code updated_at} moves to now, so neither this reconciler's next claim nor another replica's takes them
     * again for that long.
     */
    public List<String> claimStale(TransferStatus status, Duration stale, int limit) {
        return jdbc.sql("UPDATE wallet_transactions SET updated_at = now() WHERE transfer_id IN ("
                + STALE_OLDEST_FIRST + " FOR UPDATE SKIP LOCKED) RETURNING transfer_id")
                .params(status.code(), stale.toMillis(), limit)
                .query(String.class).list();
    }

    /**
     * The transfer left in {@code status} the longest, when that is longer than {@code stale}; unlike
     * {@link #claimStale} it stays stale, so a probe the provider refuses does not put it off.
     */
    public Optional<String> oldestStale(TransferStatus status, Duration stale) {
        return jdbc.sql(STALE_OLDEST_FIRST)
                .params(status.code(), stale.toMillis(), 1)
                .query(String.class).optional();
    }

    public long countPending() {
        return jdbc.sql("SELECT count(*) FROM wallet_transactions WHERE status IN ('requested', 'submitted')")
                .query(Long.class).single();
    }

    /** Money that came into {@code account} by confirmed transfers. */
    public long confirmedInto(String account) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount_minor), 0) FROM wallet_transactions
                WHERE to_account = ? AND status = 'confirmed'""")
                .param(account).query(Long.class).single();
    }

    /** Money commanded out of {@code account} and not failed (pending or confirmed). */
    public long commandedOutOf(String account) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount_minor), 0) FROM wallet_transactions
                WHERE from_account = ? AND status <> 'failed'""")
                .param(account).query(Long.class).single();
    }

    private static Transfer map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        long quote = rs.getLong("gas_quote_minor");
        Money gasQuote = rs.wasNull() ? null : Money.of(quote, currency);
        long gas = rs.getLong("gas_used_minor");
        Money gasUsed = rs.wasNull() ? null : Money.of(gas, currency);
        String reason = rs.getString("failure_reason");
        TransferFailure failure = reason == null ? null : new TransferFailure(FailureReason.valueOf(reason),
                rs.getString("failure_message"), rs.getBoolean("failure_retryable"));
        return new Transfer(rs.getString("transfer_id"), TransferType.ofCode(rs.getString("type")),
                rs.getString("bet_id"), rs.getString("user_id"), rs.getString("from_account"),
                rs.getString("to_account"), Money.of(rs.getLong("amount_minor"), currency), gasQuote,
                TransferStatus.ofCode(rs.getString("status")), rs.getString("provider_transfer_id"), gasUsed, failure,
                rs.getInt("attempts"));
    }
}
