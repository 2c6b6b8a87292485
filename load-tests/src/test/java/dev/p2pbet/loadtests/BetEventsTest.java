package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BetEventsTest {

    private static final List<String> OPENED = List.of("open", "rejected");

    /** The lines bet-service sends for one event of a bet (Spring's SseEmitter: no space after the colon). */
    private static List<String> lines(String name, String betId, String status) {
        return List.of("event:" + name, "id:" + betId,
                "data:{\"betId\":\"" + betId + "\",\"gameId\":\"g1\",\"status\":\"" + status
                        + "\",\"statusReason\":\"ESCROW\"}", "");
    }

    private static List<BetEvents.Event> parse(List<String> lines) {
        BetEvents.Parser parser = new BetEvents.Parser();
        List<BetEvents.Event> events = new ArrayList<>();
        for (String line : lines) {
            BetEvents.Event event = parser.accept(line);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void a_blank_line_completes_an_event_of_the_fields_before_it() {
        assertThat(parse(lines("bet", "b1", "open"))).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("bet");
            assertThat(event.id()).isEqualTo("b1");
            assertThat(BetEvents.status(event.data())).isEqualTo("open");
        });
    }

    @Test
    void data_over_several_lines_is_joined_and_comments_are_skipped() {
        assertThat(parse(List.of(": keep-alive", "event: note", "data: a", "data: b", "")))
                .containsExactly(new BetEvents.Event("note", "", "a\nb"));
    }

    @Test
    void remembers_every_status_a_bet_s_events_carried() {
        BetEvents events = new BetEvents();
        parse(lines("bet", "b1", "escrow_pending")).forEach(events::record);
        parse(lines("bet", "b1", "open")).forEach(events::record);
        parse(lines("bet", "b1", "matched")).forEach(events::record);

        assertThat(events.seen("b1", OPENED)).isEqualTo("open");
        assertThat(events.seen("b1", List.of("matched"))).isEqualTo("matched");
    }

    @Test
    void lobby_and_subscribed_events_and_other_bets_say_nothing() {
        BetEvents events = new BetEvents();
        parse(lines("lobby", "b1", "open")).forEach(events::record);
        parse(lines("bet", "b2", "open")).forEach(events::record);
        parse(List.of("event:subscribed", "id:u1", "data:{}", "")).forEach(events::record);

        assertThat(events.seen("b1", OPENED)).isNull();
        assertThat(BetEvents.status("not json")).isNull();
    }
}
