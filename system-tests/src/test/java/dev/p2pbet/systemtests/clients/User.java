package dev.p2pbet.systemtests.clients;

/** A signed-up user: the token's subject, the linked wallet at the provider, and a token to act as them. */
public record User(String id, String wallet, String token) {

    @Override
    public String toString() {
        return id;
    }
}
