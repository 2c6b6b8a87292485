package dev.p2pbet.loadtests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statuses the bet events of {@code GET /api/bets/stream} carried, by bet, and the reading of the stream's lines
 * into events ({@code event:bet}, {@code id:<bet id>}, {@code data:<the bet's JSON>}, then a blank line).
 */
final class BetEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One server-sent event. */
    record Event(String name, String id, String data) {
    }

    /** Reads one stream's lines into events; one parser per stream (it keeps the event being read). */
    static final class Parser {

        private String name = "message";
        private String id = "";
        private StringBuilder data;

        /** The event a blank line completes; null for any other line. */
        Event accept(String line) {
            if (line.isEmpty()) {
                Event event = data == null ? null : new Event(name, id, data.toString());
                name = "message";
                data = null;
                return event;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            value = value.startsWith(" ") ? value.substring(1) : value;
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // comments (":...") and retry
                }
            }
            return null;
        }
    }

    private final Map<String, Set<String>> statusesByBet = new ConcurrentHashMap<>();

    /** Keeps the status of a {@code bet} event; other events ({@code subscribed}, {@code lobby}) say nothing. */
    void record(Event event) {
        if (!"bet".equals(event.name())) {
            return;
        }
        String status = status(event.data());
        if (status != null) {
            statusesByBet.computeIfAbsent(event.id(), bet -> ConcurrentHashMap.newKeySet()).add(status);
        }
    }

    /** The first of {@code wanted} that an event of {@code betId} carried; null while none has come. */
    String seen(String betId, List<String> wanted) {
        Set<String> statuses = statusesByBet.get(betId);
        if (statuses == null) {
            return null;
        }
        return wanted.stream().filter(statuses::contains).findFirst().orElse(null);
    }

    /** The status in a bet's JSON; null when it has none or is not JSON. */
    static String status(String betJson) {
        try {
            String status = JSON.readTree(betJson).path("status").asString("");
            return status.isEmpty() ? null : status;
        } catch (JacksonException e) {
            return null;
        }
    }
}
