package dev.p2pbet.systemtests.clients;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** A scheduled game: its id, start and the players on each side. */
public record Game(String gameId, Instant startsAt, List<String> homePlayers, List<String> awayPlayers) {

    public List<String> roster() {
        return Stream.concat(homePlayers.stream(), awayPlayers.stream()).toList();
    }

    public String homePlayer(int index) {
        return homePlayers.get(index);
    }

    public String awayPlayer(int index) {
        return awayPlayers.get(index);
    }
}
