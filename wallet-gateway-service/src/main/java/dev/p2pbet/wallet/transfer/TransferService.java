package dev.p2pbet.wallet.transfer;

import dev.p2pbet.plumbing.inbox.Inbox;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.wallet.provider.ProviderRefusedException;
import dev.p2pbet.wallet.provider.ProviderTransfer;
import dev.p2pbet.wallet.provider.ProviderUnavailableException;
import dev.p2pbet.wallet.provider.WalletProviderClient;
import dev.p2pbet.wallet.transfer.domain.FailureReason;
import dev.p2pbet.wallet.transfer.domain.Transfer;
import dev.p2pbet.wallet.transfer.domain.TransferFailure;
import dev.p2pbet.wallet.transfer.domain.TransferOrder;
import dev.p2pbet.wallet.transfer.domain.TransferStatus;
import dev.p2pbet.wallet.transfer.persistence.TransferLedger;
import dev.p2pbet.wallet.wallet.persistence.WalletRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the money of one transfer command exactly once.
 *
 * <ol>
 *   <li>The command is stored as a {@code requested} ledger row (with the inbox entry of its event id) before the
 *       provider hears of it; a redelivered command finds its row and does nothing.</li>
 *   <li>Before every provider call the row's {@code attempts} is incremented and committed; a new command's row is
 *       stored with its first call already counted, so the command's own transaction is that commit and the call
 *       follows it without another read or write. A requested row with attempts above zero may be known to the
 *       provider (the call's answer was lost, or we crashed before committing it), so it is first looked up by its
 *       idempotency key; only a transfer the provider does not know is sent (again, under the same key). There is
 *       no balance read before sending: the provider holds the amount atomically and answers a shortfall with 409
 *       {@code insufficient_funds}, storing nothing, which fails the transfer as INSUFFICIENT_FUNDS; a read first
 *       would only cost a round trip per transfer.</li>
 *   <li>The provider's answer, a webhook or the reconciler's poll settles the row with a guarded update
 *       ({@link TransferLedger#markConfirmed}, {@link TransferLedger#markFailed}); the one that wins appends the
 *       outcome to the outbox in the same transaction, so each transfer_id gets exactly one outcome.</li>
 * </ol>
 * No transaction is held open during a provider call, and a command's consumer does not wait for it
 * ({@link ProviderCalls}).
 */
@Service
public class TransferService {

    static final String CONSUMER = "wallet-transfer-commands";
    private static final Logger log = LoggerFactory.getLogger(TransferService.class);

    private final Inbox inbox;
    private final TransferLedger ledger;
    private final WalletRepository wallets;
    private final WalletProviderClient provider;
    private final TransferOutcomes outcomes;
    private final TransferMetrics metrics;
    private final TransactionTemplate transaction;
    private final CrashPoint crashPoint;
    private final ProviderCalls calls;

    TransferService(Inbox inbox, TransferLedger ledger, WalletRepository wallets, WalletProviderClient provider,
                    TransferOutcomes outcomes, TransferMetrics metrics, TransactionTemplate transaction,
                    CrashPoint crashPoint, ProviderCalls calls) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.wallets = wallets;
        this.provider = provider;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.transaction = transaction;
        this.crashPoint = crashPoint;
        this.calls = calls;
    }

    /**
     * Handles one command delivery: records it, then hands the provider calls that drive the transfer as far as the
     * provider lets it over to {@link ProviderCalls}, so the next command does not wait for this one's answer.
     */
    public void command(String eventId, TransferOrder order) {
        Recorded recorded = transaction.execute(status -> record(eventId, order));
        if (recorded.firstCall() != null) {
            calls.handOver(() -> callProvider(recorded.firstCall(), () -> send(recorded.firstCall())));
        } else if (recorded.driveAgain()) {
            calls.handOver(() -> drive(order.transferId(), false));
        }
    }

    /**
     * What a command delivery left to do once recorded: nothing, its first provider call (stored and counted), or
     * another turn of a transfer commanded again.
     */
    private record Recorded(Transfer firstCall, boolean driveAgain) {
        static final Recorded NOTHING = new Recorded(null, false);
    }

    private Recorded record(String eventId, TransferOrder order) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            log.info("Command {} for {} was delivered before; nothing to do", eventId, order.transferId());
            return Recorded.NOTHING;
        }
        // Insert first, read only when the transfer is in the ledger already: a new transfer, the common case, costs
        // no lookup of its own, and a transfer commanded again is found by the conflict.
        Optional<String> address = order.type().involvesUserWallet()
                ? wallets.addressOf(order.userId()) : Optional.of("");
        if (address.isEmpty()) {
            Transfer refused = Transfer.refused(order, "unlinked:" + order.userId(), "-",
                    TransferFailure.walletNotLinked(order.userId()));
            if (!ledger.insert(refused)) {
                return commandedAgain(order);
            }
            outcomes.failed(refused);
            published(refused, false);
            return Recorded.NOTHING;
        }
        Transfer firstCall = Transfer.requested(order, order.type().route(address.get())).attempted();
        if (!ledger.insert(firstCall)) {
            return commandedAgain(order);
        }
        // in the command's trace: the line that ties a transfer to the bet whose trace it continues
        log.info("Transfer {} requested: {} {}", order.transferId(), order.type(), order.amount());
        return new Recorded(firstCall, false);
    }

    private Recorded commandedAgain(TransferOrder order) {
        return ledger.find(order.transferId()).map(existing -> new Recorded(null, commandedAgain(existing)))
                .orElse(Recorded.NOTHING);
    }

    private boolean commandedAgain(Transfer transfer) {
        if (transfer.status() == TransferStatus.FAILED && transfer.failure().retryable()) {
            log.info("Transfer {} failed retryably ({}) and is commanded again", transfer.transferId(),
                    transfer.failure().message());
            return ledger.reopen(transfer.reopened());
        }
        log.info("Transfer {} is already {}; the command changes nothing", transfer.transferId(),
                transfer.status().code());
        return false;
    }

    /**
     * Takes a requested transfer one step: looks it up when the provider may know it, otherwise submits it. The
     * provider decides insufficient funds atomically (409, nothing stored, see {@link #refusal}); a balance read of
     * our own would be a second call per transfer, racy against holds, and a call racing another with the same key
     * is a replay.
     * With {@code giveUpIfUnknown} (the reconciler, after too many attempts) a transfer the provider does not know
     * is failed as PROVIDER_UNAVAILABLE instead of being sent again.
     */
    public void drive(String transferId, boolean giveUpIfUnknown) {
        Optional<Transfer> found = ledger.find(transferId);
        if (found.isEmpty() || found.get().status() != TransferStatus.REQUESTED) {
            return;
        }
        Transfer transfer = found.get();
        callProvider(transfer, () -> {
            if (transfer.mayBeKnownToProvider()) {
                Optional<ProviderTransfer> known = provider.transferByIdempotencyKey(transfer.transferId());
                if (known.isPresent()) {
                    apply(transfer, known.get());
                    return;
                }
                if (giveUpIfUnknown) {
                    fail(transfer, null, TransferFailure.unavailable("the provider did not take the transfer after "
                            + transfer.attempts() + " attempts"));
                    return;
                }
            }
            if (Boolean.TRUE.equals(transaction.execute(status -> ledger.recordAttempt(transferId)))) {
                send(transfer);
            }
        });
    }

    /** Sends a requested transfer whose call is counted (committed) and applies the provider's answer. */
    private void send(Transfer transfer) {
        ProviderTransfer submitted = provider.submit(transfer.transferId(), transfer.from(), transfer.to(),
                transfer.amount().amountMinor(), transfer.amount().currency(), transfer.transferId());
        crashPoint.afterProviderCall(transfer.transferId());
        apply(transfer, submitted);
    }

    /** Runs provider calls for one transfer: a refusal fails it, an outage leaves it to the reconciler. */
    private void callProvider(Transfer transfer, Runnable calls) {
        String transferId = transfer.transferId();
        try {
            calls.run();
        } catch (ProviderRefusedException e) {
            if (e.status() == 401 || e.status() == 403) {
                log.error("Transfer {} stays requested: the provider refuses our API key ({})", transferId,
                        e.getMessage());
                return;
            }
            fail(transfer, null, refusal(e));
        } catch (ProviderUnavailableException e) {
            log.warn("Transfer {} stays requested: {}; the reconciler takes it up", transferId, e.getMessage());
        }
    }

    /** The provider's view of one of our transfers (webhook or poll); false when it is not ours. */
    public boolean providerReports(ProviderTransfer reported) {
        Optional<Transfer> found = ledger.find(reported.idempotencyKey());
        if (found.isEmpty()) {
            log.warn("The provider reports transfer {} under key {}, which is not in the ledger", reported.id(),
                    reported.idempotencyKey());
            return false;
        }
        return apply(found.get(), reported);
    }

    /** Brings the ledger row to the provider's status; true when the row changed. */
    boolean apply(Transfer transfer, ProviderTransfer reported) {
        if (!transfer.matches(reported.from(), reported.to(), reported.amountMinor(), reported.currency())) {
            log.error("MONEY ALERT: provider transfer {} under key {} does not match the ledger ({} -> {}, {}); "
                    + "left for an operator", reported.id(), transfer.transferId(), transfer.from(), transfer.to(),
                    transfer.amount());
            return false;
        }
        if (!transfer.status().isPending()) {
            if (transfer.status() == TransferStatus.FAILED && reported.isConfirmed()) {
                log.error("MONEY ALERT: the provider confirmed transfer {} ({}) which the ledger failed ({}); "
                        + "left for an operator", transfer.transferId(), reported.id(), transfer.failure().reason());
                metrics.conflict(transfer);
            }
            return false;
        }
        if (reported.isConfirmed()) {
            Money gas = Money.of(reported.gasUsedMinor() == null ? 0 : reported.gasUsedMinor(),
                    transfer.amount().currency());
            Transfer confirmed = transfer.confirmed(reported.id(), gas);
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (!ledger.markConfirmed(confirmed)) {
                    return false;
                }
                outcomes.confirmed(confirmed);
                return true;
            })) && published(confirmed, true);
        }
        if (reported.isFailed()) {
            return fail(transfer, reported.id(), TransferFailure.rejected("the provider failed the transfer: "
                    + reported.failureReason()));
        }
        if (transfer.status() == TransferStatus.REQUESTED) {
            return Boolean.TRUE.equals(transaction.execute(status -> ledger.markSubmitted(transfer.submitted(reported.id()))));
        }
        return false;
    }

    private boolean fail(Transfer transfer, String providerId, TransferFailure failure) {
        Transfer failed = transfer.failed(providerId, failure);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!ledger.markFailed(failed)) {
                return false;
            }
            outcomes.failed(failed);
            return true;
        })) && published(failed, true);
    }

    private boolean published(Transfer transfer, boolean result) {
        metrics.published(transfer);
        log.info("Transfer {} {} ({})", transfer.transferId(), transfer.status().code(),
                transfer.failure() == null ? "gas " + transfer.gasUsed() : transfer.failure().reason());
        return result;
    }

    private static TransferFailure refusal(ProviderRefusedException e) {
        return switch (e.code()) {
            case "insufficient_funds" -> TransferFailure.insufficientFunds(e.getMessage());
            case "account_not_found" -> TransferFailure.accountNotFound(e.getMessage());
            // nothing was stored under the key: the same transfer_id may succeed once PLATFORM_OPS is topped up
            case "insufficient_sponsor_funds" -> new TransferFailure(FailureReason.PROVIDER_REJECTED, e.getMessage(), true);
            default -> TransferFailure.rejected(e.getMessage());
        };
    }
}
