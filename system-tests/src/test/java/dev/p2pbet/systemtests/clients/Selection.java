package dev.p2pbet.systemtests.clients;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the creator backs; the acceptor takes the other side. Lines in tenths of a point (2155 = 215.5). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Selection(String type, String side, Long lineTenths, String playerId, String stat) {

    public static Selection gameWinner(String side) {
        return new Selection("GAME_WINNER", side, null, null, null);
    }

    public static Selection totalPoints(String side, long lineTenths) {
        return new Selection("TOTAL_POINTS", side, lineTenths, null, null);
    }

    public static Selection playerStat(String playerId, String stat, String side, long lineTenths) {
        return new Selection("PLAYER_STAT", side, lineTenths, playerId, stat);
    }
}
