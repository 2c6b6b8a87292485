package dev.p2pbet.settlement.payout;

import dev.p2pbet.plumbing.web.ApiProblem;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's re-send of a payout, fee, refund or gas recovery the provider refused for good (a final
 * TransferFailed: the money is still in the vault, and the bet waits). The transfer goes again under a new
 * deterministic transfer id, {@code <first transfer id>:retry-<n>}, never under the refused one (the provider's
 * idempotency key would answer with the refusal). The refused row becomes {@code superseded}; the new one waits,
 * as a transfer to send again, for the next passed liquidity audit, which commands it (money only leaves escrow on a
 * pass). Asking twice answers with the same re-send; only a re-send that failed for good again makes a next one.
 */
@Service
public class TransferResends {

    private static final Logger log = LoggerFactory.getLogger(TransferResends.class);

    private final JdbcClient jdbc;

    TransferResends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The re-send of a transfer: its id, the first transfer of its chain, and where it stands. */
    public record Resend(String transferId, String retryOf, String status) {
    }

    @Transactional
    public Resend resend(String transferId) {
        Row asked = row(transferId).orElseThrow(() -> ApiProblem.notFound("TRANSFER_NOT_FOUND",
                "no transfer out of escrow " + transferId));
        jdbc.sql("SELECT bet_id FROM settlements WHERE bet_id = ? FOR UPDATE").param(asked.betId())
                .query(String.class).optional();
        String first = asked.retryOf() != null ? asked.retryOf() : asked.transferId();
        int resends = jdbc.sql("SELECT count(*) FROM settlement_transfers WHERE retry_of = ?").param(first)
                .query(Integer.class).single();
        Row latest = resends == 0 ? row(first).orElseThrow() : row(retryId(first, resends)).orElseThrow();
        if (!latest.failedForGood()) {
            if (resends > 0) {
                return new Resend(latest.transferId(), first, latest.standing());
            }
            throw ApiProblem.conflict("TRANSFER_NOT_FAILED", "transfer " + transferId + " is " + latest.standing()
                    + ": only a transfer the provider refused for good can be re-sent");
        }
        String next = retryId(first, resends + 1);
        jdbc.sql("""
                        UPDATE settlement_transfers SET status = 'superseded'
                        WHERE transfer_id = ? AND status = 'failed' AND NOT retryable""")
                .param(latest.transferId()).update();
        // 'failed' and retryable: money still in the vault, commanded again by the next passed audit (TransferCommander)
        jdbc.sql("""
                        INSERT INTO settlement_transfers (transfer_id, bet_id, leg, purpose, user_id, amount_minor,
                                                          gas_in_minor, gas_quote_minor, status, retryable, retry_of)
                        SELECT ?, bet_id, leg, purpose, user_id, amount_minor, gas_in_minor, gas_quote_minor,
                               'failed', true, ?
                        FROM settlement_transfers WHERE transfer_id = ?""")
                .params(next, first, latest.transferId()).update();
        log.warn("Transfer {} (refused for good) is re-sent by an operator as {} after the next passed audit",
                latest.transferId(), next);
        return new Resend(next, first, "waiting_for_audit");
    }

    private Optional<Row> row(String transferId) {
        return jdbc.sql("SELECT transfer_id, bet_id, status, retryable, retry_of FROM settlement_transfers WHERE transfer_id = ?")
                .param(transferId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5)))
                .optional();
    }

    static String retryId(String first, int n) {
        return first + ":retry-" + n;
    }

    private record Row(String transferId, String betId, String status, boolean retryable, String retryOf) {

        boolean failedForGood() {
            return status.equals("failed") && !retryable;
        }

        String standing() {
            return status.equals("failed") && retryable ? "waiting_for_audit" : status;
        }
    }
}
