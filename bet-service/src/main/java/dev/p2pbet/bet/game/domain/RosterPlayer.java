package dev.p2pbet.bet.game.domain;

/** A player listed for a game: PLAYER_STAT bets can only name one of these. */
public record RosterPlayer(String playerId, String name, String team) {
}
