package dev.p2pbet.systemtests.clients;

import dev.p2pbet.systemtests.support.HttpJson;
import dev.p2pbet.systemtests.support.SystemUnderTest;
import dev.p2pbet.systemtests.support.Waits;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Signs users up the way production does: Cognito's post-confirmation hook creates the wallet row, the
 * user's own wallet is funded at the provider (a sandbox deposit), and the user links its address.
 */
public final class Users {

    private static final String HOOK = "/hooks/cognito/post-confirmation";

    private final SystemUnderTest sut;
    private final Sandbox sandbox;

    public Users(SystemUnderTest sut) {
        this.sut = sut;
        this.sandbox = new Sandbox(sut);
    }

    /** A new user named {@code name} plus a unique suffix, whose wallet holds {@code depositMinor}. */
    public User signUp(String name, long depositMinor) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> confirmation = Map.of(
                "version", "1",
                "triggerSource", "PostConfirmation_ConfirmSignUp",
                "userName", id,
                "request", Map.of("userAttributes", Map.of("sub", id, "email", id + "@example.test")),
                "response", Map.of());
        HttpJson.anonymous().withHeader("X-Hook-Key", sut.cognitoHookKey())
                .post(sut.api(HOOK).resolve(HOOK), confirmation)
                .expect(200, "sign-up hook for " + id);
        String wallet = id + "-wallet";
        sandbox.openAccount(wallet);
        if (depositMinor > 0) {
            sandbox.deposit(wallet, depositMinor);
        }
        User user = new User(id, wallet, sut.mintToken(id));
        linkWallet(user);
        return user;
    }

    /**
     * Links as a client should: a 503 (the gateway's circuit breaker is still open after another test's provider
     * faults) is retried after its Retry-After, for a bounded time.
     */
    private void linkWallet(User user) {
        URI link = sut.api("/api/wallets").resolve("/api/wallets/me");
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        HttpJson.Response response = HttpJson.bearer(user.token()).put(link, Map.of("address", user.wallet()));
        while (response.status() == 503 && System.nanoTime() < deadline) {
            Waits.sleep(Duration.ofSeconds(1));
            response = HttpJson.bearer(user.token()).put(link, Map.of("address", user.wallet()));
        }
        response.expect(200, "link the wallet of " + user.id());
    }
}
