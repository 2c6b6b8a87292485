package dev.p2pbet.systemtests.tracing;

import static dev.p2pbet.systemtests.clients.Games.ResultSheet.aResult;
import static dev.p2pbet.systemtests.support.BetScenarios.ESCROW;
import static dev.p2pbet.systemtests.support.BetScenarios.SETTLEMENT;
import static dev.p2pbet.systemtests.support.BetScenarios.inAnHour;

import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.Selection;
import dev.p2pbet.systemtests.clients.TopicRecords;
import dev.p2pbet.systemtests.clients.User;
import dev.p2pbet.systemtests.support.HttpJson;
import dev.p2pbet.systemtests.support.Locks;
import dev.p2pbet.systemtests.support.Platform;
import dev.p2pbet.systemtests.support.SystemUnderTest;
import dev.p2pbet.systemtests.support.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * One trace from {@code POST /api/bets} to the payout (issue 8): the W3C trace the client sends travels with the
 * bet's records on every topic, across bet-service, the wallet gateway and settlement, and each service's JSON
 * log lines of that work carry its id.
 */
@ResourceLock(value = Locks.PLATFORM_BOOKS, mode = ResourceAccessMode.READ)
class OneTraceIT {

    private static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.shared();
    }

    @Test
    void the_trace_of_an_offer_follows_the_bet_through_escrow_and_settlement_to_the_payout() {
        String traceId = randomHex(16);
        String traceparent = "00-" + traceId + "-" + randomHex(8) + "-01";
        User alice = platform.users().signUp("traced-alice", 10_000);
        User bob = platform.users().signUp("traced-bob", 10_000);
        Game game = platform.games().schedule("traced", inAnHour());

        String betId = platform.bets().offered(HttpJson.bearer(alice.token()).withHeader("traceparent", traceparent),
                alice.id(), game.gameId(), Selection.gameWinner("HOME"), 1_000).betId();
        platform.bets().awaitStatus(betId, ESCROW, "open");
        platform.bets().accept(bob, betId).expect(202, "bob accepts");
        platform.bets().awaitStatus(betId, ESCROW, "matched");
        platform.games().postResult(game, aResult().player(game.homePlayer(0), 90, 5, 5)
                .player(game.awayPlayer(0), 80, 5, 5));
        platform.bets().awaitStatus(betId, SETTLEMENT, "won");

        // every hop is checked and reported together: a broken link shows where the trace is lost
        TopicRecords topics = platform.topics();
        String escrow = TransferIds.escrowCreator(betId);
        String payout = TransferIds.payout(betId);
        SoftAssertions hops = new SoftAssertions();
        hops.assertThat(traceId(topics, TopicRecords.BET_EVENTS, betId)).as("BetCreated on bet.events")
                .isEqualTo(traceId);
        hops.assertThat(traceId(topics, TopicRecords.TRANSFER_COMMANDS, escrow))
                .as("the creator's escrow-in command on wallet.transfer-commands").isEqualTo(traceId);
        hops.assertThat(traceId(topics, TopicRecords.TRANSFER_EVENTS, escrow))
                .as("the escrow-in's confirmation on wallet.transfer-events").isEqualTo(traceId);
        hops.assertThat(traceId(topics, TopicRecords.TRANSFER_COMMANDS, payout))
                .as("the payout command on wallet.transfer-commands").isEqualTo(traceId);
        hops.assertThat(traceId(topics, TopicRecords.TRANSFER_EVENTS, payout))
                .as("the payout's confirmation on wallet.transfer-events").isEqualTo(traceId);
        for (String service : List.of(SystemUnderTest.BET_SERVICE, SystemUnderTest.WALLET_GATEWAY,
                SystemUnderTest.SETTLEMENT)) {
            List<String> lines = logLinesWith(service, traceId, Duration.ofSeconds(10));
            hops.assertThat(lines).as(service + "'s log lines with the trace id (" + platform.sut().logFile(service)
                    + ")").isNotEmpty()
                    .allMatch(line -> line.startsWith("{") && line.contains("\"traceId\":\"" + traceId + "\""));
        }
        hops.assertAll();
    }

    /** The trace id of the first record with the key (W3C {@code traceparent}: {@code 00-<trace>-<span>-<flags>}). */
    private static String traceId(TopicRecords topics, String topic, String key) {
        List<TopicRecords.Recorded> records = topics.read(topic, key::equals);
        if (records.isEmpty()) {
            return "no record " + key + " on " + topic;
        }
        String traceparent = records.getFirst().traceparent();
        return traceparent == null ? "no traceparent header (headers " + records.getFirst().headers().keySet() + ")"
                : traceparent.split("-")[1];
    }

    /** The service's JSON log lines with the trace id, once there are some (a log is written a moment later). */
    private static List<String> logLinesWith(String service, String traceId, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> lines = List.of();
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            try (var all = Files.lines(platform.sut().logFile(service))) {
                lines = all.filter(line -> line.contains(traceId)).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (lines.isEmpty()) {
                Waits.sleep(Duration.ofMillis(500));
            }
        }
        return lines;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
