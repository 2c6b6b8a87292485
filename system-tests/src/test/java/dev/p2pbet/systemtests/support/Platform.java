package dev.p2pbet.systemtests.support;

import dev.p2pbet.systemtests.clients.Bets;
import dev.p2pbet.systemtests.clients.Games;
import dev.p2pbet.systemtests.clients.Sandbox;
import dev.p2pbet.systemtests.clients.TopicRecords;
import dev.p2pbet.systemtests.clients.Users;

/** The clients a test drives the shared platform with: as users, as the game feed, as the provider's sandbox. */
public record Platform(SystemUnderTest sut, Users users, Bets bets, Games games, Sandbox sandbox,
                       TopicRecords topics) {

    public static Platform shared() {
        SystemUnderTest sut = SharedPlatform.get();
        return new Platform(sut, new Users(sut), new Bets(sut), new Games(sut), new Sandbox(sut),
                new TopicRecords(sut));
    }
}
