package dev.p2pbet.systemtests.randomized;

import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.Selection;
import dev.p2pbet.systemtests.clients.User;

/** One bet of a randomized run, drawn before anything is sent: who offers what, and what happens to the offer. */
record BetPlan(int number, Game game, User creator, Selection selection, long stake, Action action, User acceptor) {

    enum Action {
        /** Someone else accepts it. */
        ACCEPT,
        /** The creator withdraws it. */
        WITHDRAW,
        /** Nobody touches it: it is still open when its game starts or is cancelled. */
        LEAVE_OPEN
    }

    @Override
    public String toString() {
        return "#" + number + " " + creator + " " + selection.type() + " " + selection.side()
                + (selection.lineTenths() == null ? "" : " " + selection.lineTenths())
                + (selection.stat() == null ? "" : " " + selection.stat()) + " stake " + stake + " " + action
                + (acceptor == null ? "" : " by " + acceptor) + " on " + game.gameId();
    }
}
