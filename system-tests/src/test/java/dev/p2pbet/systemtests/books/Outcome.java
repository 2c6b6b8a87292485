package dev.p2pbet.systemtests.books;

import dev.p2pbet.systemtests.clients.GameResult;
import dev.p2pbet.systemtests.clients.Selection;

/**
 * How a matched bet ends, decided from the final result by the rules of DESIGN.md §4, independently of the
 * platform: the creator holds the selection's side, the acceptor the other; a result on the line or a drawn
 * game is a push; a player who did not play makes the bet void.
 */
public enum Outcome {
    CREATOR_WINS, ACCEPTOR_WINS, PUSH, VOID;

    public static Outcome of(Selection selection, GameResult result) {
        return switch (selection.type()) {
            case "GAME_WINNER" -> winner(selection.side(), result.homeScore(), result.awayScore());
            case "TOTAL_POINTS" -> overUnder(selection.side(), result.totalPoints(), selection.lineTenths());
            case "PLAYER_STAT" -> {
                GameResult.StatLine line = result.line(selection.playerId());
                yield line.played()
                        ? overUnder(selection.side(), line.of(selection.stat()), selection.lineTenths())
                        : VOID;
            }
            default -> throw new IllegalArgumentException("not a selection type: " + selection.type());
        };
    }

    /** The creator's status once a matched bet is over: won, lost, or refunded. */
    public String creatorStatus() {
        return switch (this) {
            case CREATOR_WINS -> "won";
            case ACCEPTOR_WINS -> "lost";
            case PUSH, VOID -> "refunded";
        };
    }

    private static Outcome winner(String side, int home, int away) {
        if (home == away) {
            return PUSH;
        }
        boolean homeWon = home > away;
        return homeWon == side.equals("HOME") ? CREATOR_WINS : ACCEPTOR_WINS;
    }

    private static Outcome overUnder(String side, int value, long lineTenths) {
        long valueTenths = value * 10L;
        if (valueTenths == lineTenths) {
            return PUSH;
        }
        boolean over = valueTenths > lineTenths;
        return over == side.equals("OVER") ? CREATOR_WINS : ACCEPTOR_WINS;
    }
}
