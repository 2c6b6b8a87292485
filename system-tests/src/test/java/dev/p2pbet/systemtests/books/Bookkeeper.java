package dev.p2pbet.systemtests.books;

import dev.p2pbet.systemtests.books.RecordedTransfers.Leg;
import dev.p2pbet.systemtests.clients.Bet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a finished bet into the money book by the rules, and lists where the platform's own view of the bet
 * (status, winner, refund amounts) differs from what the rules give.
 */
public final class Bookkeeper {

    private final MoneyBook book;
    private final RecordedTransfers recorded;
    private final Function<String, String> walletOf;
    private final List<String> discrepancies = new ArrayList<>();

    /** {@code walletOf} maps a user id to the provider account the user linked. */
    public Bookkeeper(MoneyBook book, RecordedTransfers recorded, Function<String, String> walletOf) {
        this.book = book;
        this.recorded = recorded;
        this.walletOf = walletOf;
    }

    public void enter(Bet bet, ExpectedEnd end) {
        String id = bet.betId();
        if (!bet.status().equals(end.status())) {
            discrepancies.add(id + ": status " + bet.status() + ", the rules give " + end.status());
            return;
        }
        long stake = bet.stakeMinor();
        if (end.creatorEscrowed()) {
            book.escrowIn(walletOf.apply(bet.creatorId()), stake);
        }
        if (end.acceptorEscrowed()) {
            book.escrowIn(walletOf.apply(bet.acceptorId()), stake);
        }
        switch (end.status()) {
            case "won", "lost" -> {
                if (!end.winnerId().equals(bet.winnerId())) {
                    discrepancies.add(id + ": winner " + bet.winnerId() + ", the rules give " + end.winnerId());
                }
                book.payout(walletOf.apply(end.winnerId()), stake);
            }
            case "refunded" -> {
                refund(bet, Leg.CREATOR, bet.creatorId(), bet.creatorRefundMinor());
                if (end.acceptorEscrowed()) {
                    refund(bet, Leg.ACCEPTOR, bet.acceptorId(), bet.acceptorRefundMinor());
                }
            }
            case "rejected" -> {
            }
            default -> throw new IllegalArgumentException("not a final status: " + end.status());
        }
        book.gas(recorded.gasUsedBy(id));
    }

    private void refund(Bet bet, Leg leg, String userId, Long shown) {
        long gasIn = recorded.gasIn(bet.betId(), leg);
        long gasOut = recorded.gasOut(bet.betId(), leg);
        long refund = MoneyBook.refundOf(bet.stakeMinor(), gasIn, gasOut);
        if (shown == null || shown != refund) {
            discrepancies.add(bet.betId() + ": " + leg.name().toLowerCase() + " refund shown " + shown
                    + ", the rules give " + refund + " = " + bet.stakeMinor() + " - " + gasIn + " - " + gasOut);
        }
        book.refund(walletOf.apply(userId), bet.stakeMinor(), gasIn, gasOut);
    }

    public List<String> discrepancies() {
        return List.copyOf(discrepancies);
    }
}
