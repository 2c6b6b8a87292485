package dev.p2pbet.bet.offer.domain;

import java.util.List;

/**
 * The result of one transition: the bet after it, the status it had before (the guard of the
 * database update), and the events it caused. Stored and published in one transaction.
 */
public record Transition(Bet bet, BetStatus from, List<BetEvent> events) {

    public Transition {
        events = List.copyOf(events);
    }

    /** A transition that changed nothing (a duplicate or late event). */
    public boolean isNoChange() {
        return events.isEmpty() && bet.status() == from;
    }
}
