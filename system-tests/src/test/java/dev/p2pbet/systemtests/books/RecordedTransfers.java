package dev.p2pbet.systemtests.books;

import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.BetMatched;
import dev.p2pbet.schemas.bet.BetOpened;
import dev.p2pbet.schemas.wallet.RefundRequested;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.systemtests.clients.TopicRecords;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gas figures the money rules take from the provider, as the platform recorded them on its topics: the gas
 * of each stake's escrow-in ({@code BetOpened} / {@code BetMatched} on bet.events), the gas quote fixed when a
 * refund was commanded ({@code RefundRequested} on wallet.transfer-commands), and every confirmed transfer
 * with the gas it used (wallet.transfer-events).
 */
public final class RecordedTransfers {

    public enum Leg {
        CREATOR, ACCEPTOR;

        String suffix() {
            return name().toLowerCase();
        }
    }

    private final Map<String, Long> gasIn = new HashMap<>();
    private final Map<String, Long> gasOut = new HashMap<>();
    private final Map<String, TransferConfirmed> confirmed = new LinkedHashMap<>();
    private final Map<String, Set<String>> commandedTransfers = new HashMap<>();

    private RecordedTransfers() {
    }

    /** Everything recorded so far about {@code betIds}. */
    public static RecordedTransfers of(TopicRecords topics, Collection<String> betIds) {
        Set<String> bets = Set.copyOf(betIds);
        RecordedTransfers recorded = new RecordedTransfers();
        for (TopicRecords.Recorded record : topics.read(TopicRecords.BET_EVENTS, bets::contains)) {
            Object payload = ((BetEvent) record.value()).getPayload();
            if (payload instanceof BetOpened opened) {
                recorded.gasIn.put(key(opened.getBetId(), Leg.CREATOR), opened.getEscrowGasUsed().getAmountMinor());
            } else if (payload instanceof BetMatched matched) {
                recorded.gasIn.put(key(matched.getBetId(), Leg.ACCEPTOR), matched.getEscrowGasUsed().getAmountMinor());
            }
        }
        for (TopicRecords.Recorded record : topics.read(TopicRecords.TRANSFER_COMMANDS, k -> bets.contains(betOf(k)))) {
            TransferCommand command = (TransferCommand) record.value();
            recorded.commandedTransfers.computeIfAbsent(betOf(command.getTransferId()), b -> new TreeSet<>())
                    .add(command.getTransferId());
            if (command.getPayload() instanceof RefundRequested refund) {
                recorded.gasOut.put(command.getTransferId(), refund.getGasQuote().getAmountMinor());
            }
        }
        for (TopicRecords.Recorded record : topics.read(TopicRecords.TRANSFER_EVENTS, k -> bets.contains(betOf(k)))) {
            if (((TransferEvent) record.value()).getPayload() instanceof TransferConfirmed done) {
                // a relay may send an event again; the provider moved the money once per transfer id
                recorded.confirmed.putIfAbsent(done.getTransferId(), done);
            }
        }
        return recorded;
    }

    /** Transfer ids are {@code <bet_id>:<purpose>}. */
    public static String betOf(String transferId) {
        int colon = transferId.indexOf(':');
        return colon < 0 ? transferId : transferId.substring(0, colon);
    }

    /** The gas recorded on the stake's escrow-in (gas_in). */
    public long gasIn(String betId, Leg leg) {
        Long gas = gasIn.get(key(betId, leg));
        if (gas == null) {
            throw new AssertionError("no escrow-in gas recorded on bet.events for the " + leg.suffix() + " of "
                    + betId);
        }
        return gas;
    }

    /** The gas quote fixed when the stake's refund was commanded (gas_out). */
    public long gasOut(String betId, Leg leg) {
        Long gas = gasOut.get(betId + ":refund-" + leg.suffix());
        if (gas == null) {
            throw new AssertionError("no RefundRequested for the " + leg.suffix() + " of " + betId
                    + " on wallet.transfer-commands (commanded: " + commanded(betId) + ")");
        }
        return gas;
    }

    /** Gas used by every confirmed transfer of the bet. */
    public long gasUsedBy(String betId) {
        return confirmed.values().stream().filter(t -> betOf(t.getTransferId()).equals(betId))
                .mapToLong(t -> t.getGasUsed().getAmountMinor()).sum();
    }

    public TransferConfirmed confirmed(String transferId) {
        TransferConfirmed transfer = confirmed.get(transferId);
        if (transfer == null) {
            throw new AssertionError("no TransferConfirmed for " + transferId + " on wallet.transfer-events");
        }
        return transfer;
    }

    public boolean isConfirmed(String transferId) {
        return confirmed.containsKey(transferId);
    }

    /** The distinct transfer ids commanded for the bet, by any service. */
    public Set<String> commanded(String betId) {
        return commandedTransfers.getOrDefault(betId, Set.of());
    }

    private static String key(String betId, Leg leg) {
        return betId + "/" + leg;
    }
}
