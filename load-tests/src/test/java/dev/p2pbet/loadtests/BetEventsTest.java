package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BetEventsTest {

    /** An event as Gatling renders it: the bet's JSON is a string in {@code data}. */
    private static String event(String name, String id, String status) {
        return "{\"event\":\"" + name + "\",\"id\":\"" + id + "\",\"data\":\"{\\\"betId\\\":\\\"" + id
                + "\\\",\\\"gameId\\\":\\\"g1\\\",\\\"status\\\":\\\"" + status
                + "\\\",\\\"statusReason\\\":\\\"ESCROW\\\"}\"}";
    }

    @Test
    void reads_the_status_of_a_bet_event_of_the_bet() {
        assertThat(BetEvents.statusOf(event("bet", "b1", "open"), "b1")).isEqualTo("open");
    }

    @Test
    void ignores_lobby_events_and_other_bets() {
        assertThat(BetEvents.statusOf(event("lobby", "b1", "open"), "b1")).isNull();
        assertThat(BetEvents.statusOf(event("bet", "b2", "open"), "b1")).isNull();
        assertThat(BetEvents.statusOf("{\"event\":\"subscribed\",\"id\":\"u1\",\"data\":\"{}\"}", "b1")).isNull();
        assertThat(BetEvents.statusOf("not json", "b1")).isNull();
    }

    @Test
    void finds_the_last_wanted_status_among_buffered_events() {
        List<String> buffered = List.of(event("bet", "b1", "escrow_pending"), event("lobby", "b1", "open"),
                event("bet", "b2", "matched"), event("bet", "b1", "open"));

        assertThat(BetEvents.lastWantedStatus(buffered, "b1", Set.of("open", "rejected"))).isEqualTo("open");
        assertThat(BetEvents.lastWantedStatus(buffered, "b1", Set.of("matched"))).isNull();
    }
}
