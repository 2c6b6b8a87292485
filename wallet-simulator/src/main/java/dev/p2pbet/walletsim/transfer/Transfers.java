package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.account.Accounts;
import dev.p2pbet.walletsim.account.domain.Account;
import dev.p2pbet.walletsim.account.domain.InsufficientFundsException;
import dev.p2pbet.walletsim.account.domain.SystemAccount;
import dev.p2pbet.walletsim.polling.WakeablePoller;
import dev.p2pbet.walletsim.transfer.domain.GasModel;
import dev.p2pbet.walletsim.transfer.domain.Transfer;
import dev.p2pbet.walletsim.transfer.domain.TransferRequest;
import dev.p2pbet.walletsim.web.ApiProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts transfers. Funds are checked and held at submission, in the same transaction that stores the transfer,
 * so insufficient funds is a synchronous 409 and nothing is stored; the money moves later, at confirmation
 * ({@link TransferSettler}). An idempotency key, per API client, always means the same request: a replay returns
 * the stored transfer, another body under the same key is a 422.
 */
@Service
public class Transfers {

    private final TransferRepository repository;
    private final Accounts accounts;
    private final NetworkSettings network;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WakeablePoller settlement;

    Transfers(TransferRepository repository, Accounts accounts, NetworkSettings network, Clock clock, MeterRegistry meters,
              @Qualifier("transferSettlement") WakeablePoller settlement) {
        this.repository = repository;
        this.accounts = accounts;
        this.network = network;
        this.clock = clock;
        this.meters = meters;
        this.settlement = settlement;
    }

    /** The stored transfer, and whether this call only replayed it. */
    public record Submission(Transfer transfer, boolean replayed) {
    }

    /** The gas a transfer would cost now, and the most it may cost (what is held on the sponsor). */
    public record Quote(String from, String to, long amountMinor, String currency, String gasSponsor,
                        long gasEstimateMinor, long gasLimitMinor, Instant quotedAt) {
    }

    @Transactional
    public Submission submit(String clientId, String idempotencyKey, TransferRequest request) {
        Optional<Transfer> earlier = repository.findByKey(clientId, idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        requireSameCurrency(request);
        NetworkSettings.Network now = network.current();
        Transfer transfer = Transfer.accept(UUID.randomUUID(), clientId, idempotencyKey, request,
                now.gas().limit(request.amountMinor()), clock.instant(), now.confirmationDelay());
        if (!repository.insertIfAbsent(transfer)) {
            return replay(repository.findByKey(clientId, idempotencyKey).orElseThrow(), request);
        }
        for (Map.Entry<String, Long> hold : transfer.holds().entrySet()) {
            Account account = accounts.lock(hold.getKey());
            try {
                accounts.save(account.hold(hold.getValue()));
            } catch (InsufficientFundsException e) {
                count("rejected_insufficient_funds");
                throw insufficientFunds(request, e);
            }
        }
        count("accepted");
        if (now.confirmationDelay().isZero()) {
            settlement.wakeAfterCommit();
        }
        return new Submission(transfer, false);
    }

    @Transactional(readOnly = true)
    public Transfer get(String clientId, UUID id) {
        return repository.find(clientId, id).orElseThrow(
                () -> ApiProblemException.notFound("transfer_not_found", "No transfer " + id));
    }

    @Transactional(readOnly = true)
    public Transfer getByIdempotencyKey(String clientId, String idempotencyKey) {
        return repository.findByKey(clientId, idempotencyKey).orElseThrow(() -> ApiProblemException.notFound(
                "transfer_not_found", "No transfer was accepted under this Idempotency-Key"));
    }

    @Transactional(readOnly = true)
    public Quote quote(TransferRequest request) {
        requireSameCurrency(request);
        GasModel gas = network.current().gas();
        return new Quote(request.from(), request.to(), request.amountMinor(), request.currency(),
                SystemAccount.SPONSOR.id(), gas.estimate(request.amountMinor()), gas.limit(request.amountMinor()),
                clock.instant());
    }

    private Submission replay(Transfer earlier, TransferRequest request) {
        if (!earlier.isReplayedBy(request)) {
            count("idempotency_conflict");
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
                    "Idempotency key reused", "This Idempotency-Key was used for a different request (transfer "
                    + earlier.id() + ")", Map.of("transfer_id", earlier.id().toString()));
        }
        count("replayed");
        return new Submission(earlier, true);
    }

    private void requireSameCurrency(TransferRequest request) {
        for (String id : new String[] {request.from(), request.to()}) {
            Account account = accounts.get(id);
            if (!account.currency().equals(request.currency())) {
                throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "currency_mismatch",
                        "Currency mismatch", "Account " + id + " holds " + account.currency() + ", not "
                        + request.currency());
            }
        }
    }

    private static ApiProblemException insufficientFunds(TransferRequest request, InsufficientFundsException e) {
        boolean sponsor = e.accountId().equals(SystemAccount.SPONSOR.id()) && !request.from().equals(e.accountId());
        String code = sponsor ? "insufficient_sponsor_funds" : "insufficient_funds";
        String detail = sponsor
                ? "The gas sponsor " + e.accountId() + " cannot cover the gas limit of this transfer"
                : "Account " + e.accountId() + " cannot cover this transfer";
        return new ApiProblemException(HttpStatus.CONFLICT, code, "Insufficient funds", detail, Map.of(
                "account_id", e.accountId(), "requested_minor", e.requestedMinor(), "available_minor", e.availableMinor()));
    }

    private void count(String outcome) {
        meters.counter("walletsim.transfers", "outcome", outcome).increment();
    }
}
