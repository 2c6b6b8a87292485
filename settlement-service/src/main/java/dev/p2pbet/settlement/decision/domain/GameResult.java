package dev.p2pbet.settlement.decision.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A final score and its box score, keyed by player. */
public record GameResult(int homeScore, int awayScore, Map<String, StatLine> statLines) {

    public GameResult {
        statLines = Map.copyOf(statLines);
    }

    public static GameResult of(int homeScore, int awayScore, Collection<StatLine> lines) {
        return new GameResult(homeScore, awayScore,
                lines.stream().collect(Collectors.toMap(StatLine::playerId, Function.identity(), (a, b) -> b)));
    }

    public Optional<StatLine> line(String playerId) {
        return Optional.ofNullable(statLines.get(playerId));
    }
}
