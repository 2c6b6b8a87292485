package dev.p2pbet.loadtests;

import java.util.Collection;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the server-sent events of {@code GET /api/bets/stream} as Gatling hands them to a simulation: one JSON object
 * per event, {@code {"event":"bet","id":"<bet id>","data":"<the bet's JSON, as a string>"}}.
 */
final class BetEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BetEvents() {
    }

    /**
     * The status of the last {@code bet} event of {@code betId} among {@code messages} whose status is one of
     * {@code wanted}; null when there is none ({@code lobby} events and other bets' events do not count).
     */
    static String lastWantedStatus(List<String> messages, String betId, Collection<String> wanted) {
        String found = null;
        for (String message : messages) {
            String status = statusOf(message, betId);
            if (status != null && wanted.contains(status)) {
                found = status;
            }
        }
        return found;
    }

    /** The status a {@code bet} event of {@code betId} carries; null for any other event. */
    static String statusOf(String message, String betId) {
        try {
            JsonNode event = JSON.readTree(message);
            if (!"bet".equals(event.path("event").asString("")) || !betId.equals(event.path("id").asString(""))) {
                return null;
            }
            JsonNode data = event.path("data");
            JsonNode bet = data.isString() ? JSON.readTree(data.asString()) : data;
            String status = bet.path("status").asString("");
            return status.isEmpty() ? null : status;
        } catch (JacksonException e) {
            return null;
        }
    }
}
