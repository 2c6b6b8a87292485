package dev.p2pbet.bet.offer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.bet.BetIT;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The open-offers rule counts a creator's offers in flight on every offer. That count must read neither the
 * creator's whole history nor everybody's offers in flight, or an offer costs more the longer its creator has been
 * betting and the busier the platform is.
 */
class OffersInFlightCountIT extends BetIT {

    private static final int SETTLED_BETS = 5_000;
    private static final int OTHERS_IN_FLIGHT = 1_000;

    @Test
    void counts_a_creators_offers_in_flight_reading_only_those() {
        String veteran = aUser("veteran");
        String game = "history-" + UUID.randomUUID();
        betsOf(veteran, game, "lost", SETTLED_BETS);
        betsOf(veteran, game, "escrow_pending", 2);
        betsOf(aUser("busy"), game, "escrow_pending", OTHERS_IN_FLIGHT);
        jdbc.sql("ANALYZE bets").update();

        List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT count(*) FROM bets "
                + "WHERE creator_id = '" + veteran + "' AND status IN ('escrow_pending', 'open')")
                .query(String.class).list();

        assertThat(String.join("\n", plan))
                .contains("bets_creator_in_flight")
                .doesNotContain("Rows Removed by Filter");
        assertThat(jdbc.sql("SELECT count(*) FROM bets WHERE creator_id = ? AND status IN ('escrow_pending', 'open')")
                .param(veteran).query(Long.class).single()).isEqualTo(2);
    }

    private void betsOf(String creator, String game, String status, int count) {
        jdbc.sql("""
                        INSERT INTO bets (bet_id, game_id, creator_id, selection_type, selection_side, stake_minor,
                            currency, status)
                        SELECT gen_random_uuid(), ?, ?, 'GAME_WINNER', 'HOME', 1000, 'USD', ?
                        FROM generate_series(1, ?)""")
                .params(game, creator, status, count).update();
    }
}
