package dev.p2pbet.localstack.demo;

import static dev.p2pbet.localstack.Money.format;
import static dev.p2pbet.localstack.demo.Bettors.STEP_TIMEOUT;
import static dev.p2pbet.localstack.demo.Bettors.walletOf;
import static dev.p2pbet.localstack.demo.Narrator.expect;
import static dev.p2pbet.localstack.demo.Narrator.signed;

import dev.p2pbet.localstack.PlatformAccounts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Game 1 of the demo: A offers a PLAYER_STAT bet, B accepts, the game is simulated, the liquidity audit passes, the
 * winner is paid the pot minus the fee, stats and leaderboard count it.
 */
final class PlayerStatBetStory {

    static final long STAKE = 10_00;
    private static final String PLAYER = "hawks-7";
    private static final String PLAYER_NAME = "Ada Brook";
    /** Half a point: never a push. */
    private static final long POINTS_LINE_TENTHS = 155;
    /** With this seed and the demo's roster the simulator lets Ada Brook play (any result still gets narrated). */
    private static final long SEED = 2026;

    /** How the bet ended: its status, the winner (none when void), the payout and the fee. */
    record Outcome(String betId, String status, String winner, long payout, long fee) {
    }

    private final DemoApi api;
    private final PlatformAccounts accounts;
    private final Bettors bettors;
    private final Narrator narrator;

    PlayerStatBetStory(DemoApi api, PlatformAccounts accounts, Bettors bettors, Narrator narrator) {
        this.api = api;
        this.accounts = accounts;
        this.bettors = bettors;
        this.narrator = narrator;
    }

    /** {@code funded}: the accounts once the users were funded, what every balance is compared with. */
    Outcome play(PlatformAccounts.Snapshot funded, Map<String, Long> deposits) {
        String creator = bettors.creator;
        String acceptor = bettors.acceptor;
        String gameId = "demo-" + bettors.runId + "-1";
        narrator.step("An operator schedules game " + gameId + " (POST /api/admin/games): Harbor Hawks vs Mesa Miners");
        api.scheduleGame(gameId, Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));

        String line = POINTS_LINE_TENTHS / 10 + "." + POINTS_LINE_TENTHS % 10;
        narrator.step(creator + " offers " + format(STAKE) + " on PLAYER_STAT: " + PLAYER_NAME + " (" + PLAYER
                + ") scores OVER " + line + " points (POST /api/bets)");
        String betId;
        try (EventStream lobby = api.stream(acceptor)) {
            Map<String, Object> selection = new LinkedHashMap<>();
            selection.put("type", "PLAYER_STAT");
            selection.put("side", "OVER");
            selection.put("playerId", PLAYER);
            selection.put("stat", "POINTS");
            selection.put("lineTenths", POINTS_LINE_TENTHS);
            betId = bettors.offer(gameId, selection, STAKE);
            bettors.awaitStatus(betId, "open");
            narrator.detail("bet %s is open once the provider confirmed the stake in escrow", betId);
            Optional<EventStream.Event> event = lobby.await("lobby", betId, Duration.ofSeconds(15));
            expect(event.isPresent(), acceptor + "'s live stream (GET /api/bets/stream through the entry point) to show "
                    + "the offer in the lobby (stream status " + lobby.status() + ")");
            narrator.detail("%s's live stream (server-sent events through the entry point) shows it: event \"lobby\"",
                    acceptor);
        }
        PlatformAccounts.Snapshot escrowed = accounts.read();
        narrator.detail("%s %s -> %s, ESCROW_VAULT %s (gas of the transfer paid by PLATFORM_OPS)", creator,
                format(deposits.get(creator)), format(escrowed.balance(walletOf(creator))),
                signed(escrowed.balance("ESCROW_VAULT") - funded.balance("ESCROW_VAULT")));

        narrator.step(acceptor + " accepts and takes UNDER " + line + " (POST /api/bets/" + betId + "/accept)");
        bettors.accept(betId);
        JsonNode matched = bettors.awaitStatus(betId, "matched");
        expect(acceptor.equals(matched.path("acceptorId").asString()), "the acceptor to be " + acceptor);
        PlatformAccounts.Snapshot both = Poll.until("both stakes in the vault", STEP_TIMEOUT,
                () -> Optional.of(accounts.read())
                        .filter(s -> s.balance("ESCROW_VAULT") - funded.balance("ESCROW_VAULT") == 2 * STAKE),
                () -> "ESCROW_VAULT " + format(accounts.read().balance("ESCROW_VAULT")));
        narrator.detail("matched; ESCROW_VAULT holds both stakes: %s; %s %s, %s %s",
                signed(both.balance("ESCROW_VAULT") - funded.balance("ESCROW_VAULT")), creator,
                format(both.balance(walletOf(creator))), acceptor, format(both.balance(walletOf(acceptor))));

        narrator.step("The game is played: the stats service's simulator finalizes it (POST /api/admin/games/" + gameId
                + "/simulate?seed=" + SEED + ")");
        JsonNode game = api.simulate(gameId, SEED).path("game");
        JsonNode playerLine = statLine(game, PLAYER);
        boolean played = playerLine.path("played").asBoolean();
        long points = playerLine.path("points").asLong();
        narrator.detail("final: Harbor Hawks %d - %d Mesa Miners; %s %s", game.path("homeScore").asInt(),
                game.path("awayScore").asInt(), PLAYER_NAME,
                played ? "scored " + points + " points" : "did not play (the bet is void: both stakes refunded)");

        narrator.step("Before any payout, the global liquidity audit (GET /api/admin/audits)");
        JsonNode audit = Poll.until("a passed liquidity audit for " + gameId, STEP_TIMEOUT,
                () -> api.audits().stream().filter(a -> gameId.equals(a.path("gameId").asString()))
                        .filter(a -> List.of("BALANCED", "SURPLUS").contains(a.path("verdict").asString()))
                        .findFirst(),
                () -> "verdicts " + api.audits().stream().filter(a -> gameId.equals(a.path("gameId").asString()))
                        .map(a -> a.path("verdict").asString()).toList());
        narrator.detail("audit %s: the vault should hold %s, it holds %s, difference %s: %s",
                audit.path("auditId").asString(), format(audit.path("expectedMinor").asLong()),
                format(audit.path("actualMinor").asLong()), format(audit.path("differenceMinor").asLong()),
                audit.path("verdict").asString());

        JsonNode finalBet = bettors.awaitStatus(betId, played ? "won|lost" : "refunded");
        JsonNode settlement = Poll.until("every transfer of " + gameId + " confirmed", STEP_TIMEOUT,
                () -> Optional.of(api.settlement(gameId)).filter(s -> s.path("transfersPending").asLong() == 0),
                () -> api.settlement(gameId).toString());
        long payout = settlement.path("paidMinor").asLong();
        long fee = settlement.path("feesMinor").asLong();
        String winner = finalBet.path("winnerId").isString() ? finalBet.path("winnerId").asString() : null;
        if (!played) {
            narrator.step("Void: both stakes come back minus the gas");
            narrator.detail("refunds: %s %s, %s %s", creator, format(finalBet.path("creatorRefundMinor").asLong()),
                    acceptor, format(finalBet.path("acceptorRefundMinor").asLong()));
            return new Outcome(betId, finalBet.path("status").asString(), null, 0, 0);
        }
        String expectedWinner = points * 10 > POINTS_LINE_TENTHS ? creator : acceptor;
        narrator.step("The winner is paid: " + winner + " (the bet is " + finalBet.path("status").asString()
                + ", from the creator's side)");
        expect(expectedWinner.equals(winner), "the winner to be " + expectedWinner + " (" + points
                + " points against a line of " + line + "), the bet says " + winner);
        expect(payout + fee == 2 * STAKE, "payout + fee to be the pot " + format(2 * STAKE) + ", they are "
                + format(payout) + " + " + format(fee));
        narrator.detail("pot %s = payout %s to %s + fee %s to PLATFORM_REVENUE", format(2 * STAKE), format(payout),
                winner, format(fee));
        String loser = winner.equals(creator) ? acceptor : creator;
        long winnerBalance = bettors.balance(winner);
        long loserBalance = bettors.balance(loser);
        narrator.detail("%s: %s -> %s (%s); %s: %s -> %s (%s)", winner, format(deposits.get(winner)),
                format(winnerBalance), signed(winnerBalance - deposits.get(winner)), loser,
                format(deposits.get(loser)), format(loserBalance), signed(loserBalance - deposits.get(loser)));
        PlatformAccounts.Snapshot paid = accounts.read();
        narrator.detail("ESCROW_VAULT %s and PLATFORM_REVENUE %s since the users were funded",
                signed(paid.balance("ESCROW_VAULT") - funded.balance("ESCROW_VAULT")),
                signed(paid.balance("PLATFORM_REVENUE") - funded.balance("PLATFORM_REVENUE")));
        expect(winnerBalance == deposits.get(winner) - STAKE + payout, winner + " to hold "
                + format(deposits.get(winner) - STAKE + payout) + ", not " + format(winnerBalance));
        expect(loserBalance == deposits.get(loser) - STAKE, loser + " to hold "
                + format(deposits.get(loser) - STAKE) + ", not " + format(loserBalance));
        statsUpdate(winner, loser);
        return new Outcome(betId, finalBet.path("status").asString(), winner, payout, fee);
    }

    private void statsUpdate(String winner, String loser) {
        narrator.step("Stats and leaderboard update (GET /api/stats/users/{id}, GET /api/stats/leaderboard)");
        for (String user : List.of(winner, loser)) {
            JsonNode stats = Poll.until(user + "'s stats to count the bet", STEP_TIMEOUT,
                    () -> Optional.of(api.userStats(bettors.creator, user)).filter(s -> s.path("betsSettled").asInt() >= 1),
                    () -> api.userStats(bettors.creator, user).toString());
            narrator.detail("%s: %d settled, %d won, %d lost, net profit %s, streak %+d", user,
                    stats.path("betsSettled").asInt(), stats.path("wins").asInt(), stats.path("losses").asInt(),
                    format(stats.path("netProfitMinor").asLong()), stats.path("currentStreak").asInt());
        }
        JsonNode board = api.leaderboard(bettors.creator);
        Optional<JsonNode> entry = board.path("items").valueStream()
                .filter(e -> winner.equals(e.path("userId").asString())).findFirst();
        narrator.detail("leaderboard by profit (all time, %d players): %s", board.path("totalItems").asLong(),
                entry.map(e -> winner + " is #" + e.path("rank").asLong() + " with "
                        + format(e.path("netProfitMinor").asLong())).orElse(winner + " is not in the first 100"));
        expect(entry.isPresent(), winner + " to be on the leaderboard's first page (profit ranks winners first)");
    }

    private static JsonNode statLine(JsonNode game, String playerId) {
        return game.path("statLines").valueStream().filter(line -> playerId.equals(line.path("playerId").asString()))
                .findFirst().orElseThrow(() -> new DemoFailure("the final game has no stat line for " + playerId));
    }
}
