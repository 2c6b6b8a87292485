package dev.p2pbet.settlement.escrow;

import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.settlement.decision.domain.Selection;

/** A bet as bet-service created it: who offers what on which game. */
public record EscrowedBet(String betId, String gameId, String creatorId, Selection selection, Money stake) {
}
