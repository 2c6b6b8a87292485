package dev.p2pbet.bet.offer.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.domain.Selection;
import java.time.Instant;

/** A bet as the API shows it. Amounts in minor units; the acceptor holds {@code acceptorSide}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BetView(String betId, String gameId, String status, String statusReason, String statusDetail,
               String creatorId, String acceptorId, String pendingAcceptorId, SelectionView selection,
               String acceptorSide, long stakeMinor, String currency, String winnerId, Long creatorRefundMinor,
               Long acceptorRefundMinor, Instant createdAt, String url) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SelectionView(String type, String side, Long lineTenths, String playerId, String stat) {
    }

    static BetView of(Bet bet) {
        Selection s = bet.selection();
        return new BetView(bet.betId(), bet.gameId(), bet.status().code(), bet.statusReason(), bet.statusDetail(),
                bet.creatorId(), bet.acceptorId(), bet.pendingAcceptorId(),
                new SelectionView(s.type().name(), s.side().name(), s.lineTenths(), s.playerId(),
                        s.stat() == null ? null : s.stat().name()),
                s.side().opposite().name(), bet.stake().amountMinor(), bet.stake().currency(), bet.winnerId(),
                bet.creatorRefund() == null ? null : bet.creatorRefund().amountMinor(),
                bet.acceptorRefund() == null ? null : bet.acceptorRefund().amountMinor(),
                bet.createdAt(), "/api/bets/" + bet.betId());
    }
}
