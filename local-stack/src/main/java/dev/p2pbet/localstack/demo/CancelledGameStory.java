package dev.p2pbet.localstack.demo;

import static dev.p2pbet.localstack.Money.format;
import static dev.p2pbet.localstack.demo.Bettors.STEP_TIMEOUT;
import static dev.p2pbet.localstack.demo.Narrator.expect;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Game 2 of the demo: a matched bet on a game that is cancelled; both stakes come back minus the gas. */
final class CancelledGameStory {

    static final long STAKE = 5_00;

    /** Both refunds of the bet (each the stake minus the gas of its way into escrow and back). */
    record Refunds(String betId, long creatorRefund, long acceptorRefund) {

        long gasRecovered() {
            return 2 * STAKE - creatorRefund - acceptorRefund;
        }
    }

    private final DemoApi api;
    private final Bettors bettors;
    private final Narrator narrator;

    CancelledGameStory(DemoApi api, Bettors bettors, Narrator narrator) {
        this.api = api;
        this.bettors = bettors;
        this.narrator = narrator;
    }

    Refunds play() {
        String creator = bettors.creator;
        String acceptor = bettors.acceptor;
        String gameId = "demo-" + bettors.runId + "-2";
        narrator.step("A second game, " + gameId + ": " + creator + " offers " + format(STAKE) + " on GAME_WINNER HOME, "
                + acceptor + " accepts");
        api.scheduleGame(gameId, Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        String betId = bettors.offer(gameId, Map.of("type", "GAME_WINNER", "side", "HOME"), STAKE);
        bettors.awaitStatus(betId, "open");
        bettors.accept(betId);
        bettors.awaitStatus(betId, "matched");
        long creatorBefore = bettors.balance(creator);
        long acceptorBefore = bettors.balance(acceptor);
        narrator.detail("bet %s matched; %s holds %s, %s holds %s", betId, creator, format(creatorBefore), acceptor,
                format(acceptorBefore));

        narrator.step("The game is cancelled (POST /api/admin/games/" + gameId + "/cancel): both stakes come back minus "
                + "the gas of the transfer into escrow and of the refund");
        api.cancelGame(gameId, "demo: arena flooded");
        JsonNode bet = bettors.awaitStatus(betId, "refunded");
        Refunds refunds = new Refunds(betId, bet.path("creatorRefundMinor").asLong(),
                bet.path("acceptorRefundMinor").asLong());
        refunded(creator, creatorBefore, refunds.creatorRefund());
        refunded(acceptor, acceptorBefore, refunds.acceptorRefund());
        narrator.detail("the gas deducted (%s) went back to PLATFORM_OPS, which had sponsored it",
                format(refunds.gasRecovered()));
        return refunds;
    }

    private void refunded(String user, long before, long refund) {
        long after = Poll.until(user + "'s refund in the wallet", STEP_TIMEOUT,
                () -> Optional.of(bettors.balance(user)).filter(balance -> balance == before + refund),
                () -> format(bettors.balance(user)));
        narrator.detail("%s: stake %s, refund %s, gas deducted %s; wallet %s -> %s", user, format(STAKE), format(refund),
                format(STAKE - refund), format(before), format(after));
        expect(refund > 0 && refund < STAKE, user + "'s refund to be the stake minus some gas, it is " + format(refund));
    }
}
