package dev.p2pbet.settlement.decision.domain;

/**
 * How a bet ends. A result exactly on the line, or a drawn game, is a push; a player selection whose
 * player did not play (or is missing from the box score) is void. Both are refunds, as are the
 * outcomes that never reach a result: a cancelled game, a withdrawn offer, an offer still open when
 * the game started.
 */
public enum Outcome {
    CREATOR_WINS, ACCEPTOR_WINS, PUSH, VOID, CANCELLED, WITHDRAWN, UNMATCHED_AT_START;

    public boolean isRefund() {
        return this != CREATOR_WINS && this != ACCEPTOR_WINS;
    }

    /** The outcome of a matched bet from the final result. */
    public static Outcome of(Selection selection, GameResult result) {
        return switch (selection.type()) {
            case GAME_WINNER -> {
                int margin = Integer.compare(result.homeScore(), result.awayScore());
                if (margin == 0) {
                    yield PUSH;
                }
                boolean homeWon = margin > 0;
                yield homeWon == (selection.side() == SelectionSide.HOME) ? CREATOR_WINS : ACCEPTOR_WINS;
            }
            case TOTAL_POINTS -> overUnder(selection, (long) result.homeScore() + result.awayScore());
            case PLAYER_STAT -> result.line(selection.playerId())
                    .filter(StatLine::played)
                    .map(line -> overUnder(selection, line.value(selection.stat())))
                    .orElse(VOID);
        };
    }

    private static Outcome overUnder(Selection selection, long result) {
        int versusLine = Long.compare(Math.multiplyExact(result, 10L), selection.lineTenths());
        if (versusLine == 0) {
            return PUSH;
        }
        boolean over = versusLine > 0;
        return over == (selection.side() == SelectionSide.OVER) ? CREATOR_WINS : ACCEPTOR_WINS;
    }
}
