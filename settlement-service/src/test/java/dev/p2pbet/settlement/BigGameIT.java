package dev.p2pbet.settlement;

import static dev.p2pbet.settlement.support.OtherServices.awayWins;
import static dev.p2pbet.settlement.support.OtherServices.gameFinalized;
import static dev.p2pbet.settlement.support.OtherServices.homeWins;
import static dev.p2pbet.settlement.support.OtherServices.playerPoints;
import static dev.p2pbet.settlement.support.OtherServices.points;
import static dev.p2pbet.settlement.support.OtherServices.totalPoints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.outbox.OutboxRelay;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.Selection;
import dev.p2pbet.schemas.bet.SelectionSide;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.PayoutCommanded;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.settlement.StakeRefunded;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.settlement.support.FakeGateway;
import dev.p2pbet.settlement.support.OtherServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A game with 1,000 matched bets of every selection type settles each bet exactly once, while every
 * event (bet-service's, stats-service's and the gateway's) is delivered twice and the service's
 * consumers and outbox relay are stopped and started in the middle of the settlement (a restart as
 * Kafka and the outbox see it: uncommitted offsets are read again, unsent outbox rows sent later).
 */
class BigGameIT extends SettlementIT {

    private static final int BETS = 1_000;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    OutboxRelay relay;

    record Planned(String betId, String creator, String acceptor, long stake, int kind) {
    }

    @Test
    void a_game_of_a_thousand_bets_settles_each_exactly_once_through_duplicates_and_a_restart() {
        String game = aGame();
        long vaultBefore = gateway.vault();
        List<Planned> bets = new ArrayList<>();
        for (int i = 0; i < BETS; i++) {
            bets.add(new Planned("b-" + UUID.randomUUID(), "c" + i + "-" + UUID.randomUUID(),
                    "a" + i + "-" + UUID.randomUUID(), 100 + i, i % 6));
        }
        for (Planned bet : bets) {
            twice(OtherServices.betCreated(bet.betId(), game, bet.creator(), selection(bet.kind()), bet.stake()));
            gateway.escrowIn(2 * bet.stake());
            twice(OtherServices.betOpened(bet.betId(), CREATOR_GAS));
            twice(OtherServices.betMatched(bet.betId(), bet.acceptor(), ACCEPTOR_GAS));
        }
        flush();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> count("""
                SELECT count(*) FROM escrowed_bets WHERE game_id = ? AND status = 'matched'""", game) == BETS);
        gateway.deliverTwice(true);

        GameEvent finalized = gameFinalized(game, 108, 107, List.of(points("p-1", true, 30), points("p-2", false, 0)));
        send(Topics.GAME_EVENTS, game, finalized);
        send(Topics.GAME_EVENTS, game, finalized);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> count("""
                SELECT count(*) FROM settlements WHERE game_id = ? AND status IN ('paid', 'refunded')""", game) > 0);
        restart();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> count("""
                SELECT count(*) FROM settlements WHERE game_id = ? AND status IN ('paid', 'refunded')""", game) == BETS);

        assertThat(count("SELECT count(*) FROM settlements WHERE game_id = ?", game)).isEqualTo(BETS);
        assertThat(count("""
                SELECT count(*) FROM settlements s WHERE s.game_id = ?
                  AND EXISTS (SELECT 1 FROM settlement_transfers t WHERE t.bet_id = s.bet_id AND t.purpose = 'PAYOUT')
                  AND EXISTS (SELECT 1 FROM settlement_transfers t WHERE t.bet_id = s.bet_id AND t.purpose = 'REFUND')""",
                game)).as("bets both paid and refunded").isZero();
        assertThat(count("SELECT coalesce(sum(stakes_held), 0) FROM escrowed_bets WHERE game_id = ?", game)).isZero();
        long escrowed = 0;
        for (Planned bet : bets) {
            escrowed += 2 * bet.stake();
            long fee = Math.floorDiv(2 * bet.stake() * 250, 10_000);
            long quote = FakeGateway.DEFAULT_GAS_QUOTE;
            switch (bet.kind()) {
                case 0, 4 -> assertCredits(bet, 2 * bet.stake() - fee, 0);
                case 1, 2 -> assertCredits(bet, 0, 2 * bet.stake() - fee);
                default -> assertCredits(bet, bet.stake() - CREATOR_GAS - quote, bet.stake() - ACCEPTOR_GAS - quote);
            }
        }
        assertThat(gateway.vault()).as("all of the game's money left the vault, once")
                .isEqualTo(vaultBefore);
        assertThat(escrowed).isPositive();

        Set<String> ids = bets.stream().map(Planned::betId).collect(Collectors.toSet());
        int winners = (int) bets.stream().filter(b -> b.kind() < 3 || b.kind() == 4).count();
        int refunds = 2 * (BETS - winners);
        List<Object> events = this.<SettlementEvent>recordsWhere(Topics.SETTLEMENT_EVENTS, ids::contains,
                2 * winners + refunds).stream().map(SettlementEvent::getPayload).toList();
        Map<Class<?>, Long> byKind = new HashMap<>();
        events.forEach(e -> byKind.merge(e.getClass(), 1L, Long::sum));
        assertThat(byKind.get(BetSettled.class)).isEqualTo(winners);
        assertThat(byKind.get(StakeRefunded.class)).isEqualTo(refunds);
        assertThat(byKind.get(PayoutCommanded.class)).isEqualTo(winners);
        assertThat(events.stream().filter(BetSettled.class::isInstance).map(e -> ((BetSettled) e).getBetId()).distinct()
                .count()).isEqualTo(winners);
    }

    private void assertCredits(Planned bet, long creator, long acceptor) {
        assertThat(gateway.credited(bet.creator())).as("creator of %s (kind %d)", bet.betId(), bet.kind()).isEqualTo(creator);
        assertThat(gateway.credited(bet.acceptor())).as("acceptor of %s (kind %d)", bet.betId(), bet.kind()).isEqualTo(acceptor);
    }

    /** Mixed selections on a 108-107 game in which p-1 scored 30 and p-2 did not play. */
    private static Selection selection(int kind) {
        return switch (kind) {
            case 0 -> homeWins();                                        // creator wins
            case 1 -> awayWins();                                        // acceptor wins
            case 2 -> totalPoints(SelectionSide.OVER, 2155);             // 215 under 215.5: acceptor wins
            case 3 -> totalPoints(SelectionSide.UNDER, 2150);            // exactly 215.0: push
            case 4 -> playerPoints("p-1", SelectionSide.OVER, 245);      // 30 over 24.5: creator wins
            default -> playerPoints("p-2", SelectionSide.UNDER, 100);    // did not play: void
        };
    }

    private void twice(BetEvent event) {
        sendAsync(Topics.BET_EVENTS, event.getBetId(), event);
        sendAsync(Topics.BET_EVENTS, event.getBetId(), event);
    }

    private void restart() {
        listeners.stop();
        relay.stop();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        relay.start();
        listeners.start();
    }

    private long count(String sql, String gameId) {
        return jdbc.sql(sql).param(gameId).query(Long.class).single();
    }
}
