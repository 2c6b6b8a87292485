package dev.p2pbet.settlement;

import static dev.p2pbet.settlement.support.OtherServices.awayWins;
import static dev.p2pbet.settlement.support.OtherServices.gameFinalized;
import static dev.p2pbet.settlement.support.OtherServices.homeWins;
import static dev.p2pbet.settlement.support.OtherServices.totalPoints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.plumbing.kafka.PlumbingKafkaProperties;
import dev.p2pbet.plumbing.testing.EventPlayer;
import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.Selection;
import dev.p2pbet.schemas.bet.SelectionSide;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.settlement.support.FakeGateway;
import dev.p2pbet.settlement.support.OtherServices;
import dev.p2pbet.testinfra.RealInfrastructure;
import dev.p2pbet.testinfra.process.SpringBootProcess;
import dev.p2pbet.testinfra.support.Ports;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The service restarts mid-game (issue 6 item 7), for real: settlement-service's own jar runs as a child JVM, is
 * killed with SIGKILL while it settles a game of many matched bets (every event delivered twice, the gateway's
 * confirmations too), and is started again. Whatever it had committed, sent or acknowledged when it died, each bet
 * settles exactly once and the money rules hold. Runs first (see junit-platform.properties): the child uses the
 * same database and consumer group as the in-JVM service of the other ITs, which has not started yet.
 */
@Order(1)
class SettlementCrashIT {

    private static final int BETS = 150;
    private static final long CREATOR_GAS = 12;
    private static final long ACCEPTOR_GAS = 9;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(60);

    record Planned(String betId, String creator, String acceptor, long stake, int kind) {
    }

    @Test
    void a_service_killed_in_the_middle_of_a_games_settlement_settles_each_bet_exactly_once_after_a_restart()
            throws Exception {
        RealInfrastructure infra = RealInfrastructure.shared();
        Path jar = SpringBootProcess.bootJar(Path.of("").toAbsolutePath());
        try (SpringBootProcess service = SpringBootProcess.start("settlement-crashing", jar, Ports.freePort(),
                Path.of("target/settlement-crash.log"), environment(infra))) {
            service.awaitReady(START);
            AvroRecordSerializer serializer = serializer(infra);
            FakeGateway gateway = FakeGateway.start(serializer, TopicProbe.onRealInfrastructure());
            gateway.deliverTwice(false);
            gateway.holdTransfers(false);
            gateway.gasQuote(FakeGateway.DEFAULT_GAS_QUOTE);
            String game = "g-" + UUID.randomUUID();
            long vaultBefore = gateway.vault();
            List<Planned> bets = plan();
            try (EventPlayer player = new EventPlayer(serializer)) {
                for (Planned bet : bets) {
                    twice(player, OtherServices.betCreated(bet.betId(), game, bet.creator(), selection(bet.kind()),
                            bet.stake()));
                    gateway.escrowIn(2 * bet.stake());
                    twice(player, OtherServices.betOpened(bet.betId(), CREATOR_GAS));
                    twice(player, OtherServices.betMatched(bet.betId(), bet.acceptor(), ACCEPTOR_GAS));
                }
                player.flush();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> count("""
                        SELECT count(*) FROM escrowed_bets WHERE game_id = ? AND status = 'matched'""", game) == BETS);
                gateway.deliverTwice(true);

                GameEvent finalized = gameFinalized(game, 108, 107, List.of());
                player.send(Topics.GAME_EVENTS, game, finalized);
                player.send(Topics.GAME_EVENTS, game, finalized);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> count("""
                        SELECT count(*) FROM settlements WHERE game_id = ? AND status IN ('paid', 'refunded')""", game) > 0);
                service.kill();
            }
            long doneWhenKilled = count("""
                    SELECT count(*) FROM settlements WHERE game_id = ? AND status IN ('paid', 'refunded')""", game);
            System.out.printf("SettlementCrashIT: killed with %d of %d bets settled%n", doneWhenKilled, BETS);
            assertThat(doneWhenKilled).as("killed in the middle of the settlement").isLessThan(BETS);

            service.restart();
            service.awaitReady(START);

            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> count("""
                    SELECT count(*) FROM settlements WHERE game_id = ? AND status IN ('paid', 'refunded')""", game) == BETS);
            assertMoneyRules(gateway, game, bets, vaultBefore);
        }
    }

    private void assertMoneyRules(FakeGateway gateway, String game, List<Planned> bets, long vaultBefore)
            throws SQLException {
        assertThat(count("SELECT count(*) FROM settlements WHERE game_id = ?", game)).isEqualTo(BETS);
        assertThat(count("""
                SELECT count(*) FROM settlements s WHERE s.game_id = ?
                  AND EXISTS (SELECT 1 FROM settlement_transfers t WHERE t.bet_id = s.bet_id AND t.purpose = 'PAYOUT')
                  AND EXISTS (SELECT 1 FROM settlement_transfers t WHERE t.bet_id = s.bet_id AND t.purpose = 'REFUND')""",
                game)).as("bets both paid and refunded").isZero();
        assertThat(count("SELECT coalesce(sum(stakes_held), 0) FROM escrowed_bets WHERE game_id = ?", game)).isZero();
        for (Planned bet : bets) {
            long fee = Math.floorDiv(2 * bet.stake() * 250, 10_000);
            long quote = FakeGateway.DEFAULT_GAS_QUOTE;
            switch (bet.kind()) {
                case 0 -> assertCredits(gateway, bet, 2 * bet.stake() - fee, 0);
                case 1 -> assertCredits(gateway, bet, 0, 2 * bet.stake() - fee);
                default -> assertCredits(gateway, bet, bet.stake() - CREATOR_GAS - quote,
                        bet.stake() - ACCEPTOR_GAS - quote);
            }
        }
        assertThat(gateway.vault()).as("all of the game's money left the vault, once").isEqualTo(vaultBefore);

        Set<String> ids = bets.stream().map(Planned::betId).collect(Collectors.toSet());
        long winners = bets.stream().filter(b -> b.kind() < 2).count();
        int events = (int) (2 * winners + 2 * (BETS - winners));   // PayoutCommanded + BetSettled; two StakeRefunded
        List<SettlementEvent> settled = TopicProbe.onRealInfrastructure().<SettlementEvent>decodedWhere(
                        Topics.SETTLEMENT_EVENTS, ids::contains, events, WAIT).stream()
                .filter(e -> e.getPayload() instanceof BetSettled).toList();
        // the relay may send a row again after a crash (same event id, deduplicated by consumers), never a second one
        Map<String, Set<String>> eventIdsPerBet = settled.stream().collect(Collectors.groupingBy(
                e -> ((BetSettled) e.getPayload()).getBetId(),
                Collectors.mapping(e -> e.getEventId().toString(), Collectors.toSet())));
        assertThat(eventIdsPerBet).hasSize((int) winners);
        assertThat(eventIdsPerBet.values()).allSatisfy(eventIds -> assertThat(eventIds).hasSize(1));
    }

    private static void assertCredits(FakeGateway gateway, Planned bet, long creator, long acceptor) {
        assertThat(gateway.credited(bet.creator())).as("creator of %s (kind %d)", bet.betId(), bet.kind())
                .isEqualTo(creator);
        assertThat(gateway.credited(bet.acceptor())).as("acceptor of %s (kind %d)", bet.betId(), bet.kind())
                .isEqualTo(acceptor);
    }

    private static List<Planned> plan() {
        List<Planned> bets = new ArrayList<>();
        for (int i = 0; i < BETS; i++) {
            bets.add(new Planned("b-" + UUID.randomUUID(), "c" + i + "-" + UUID.randomUUID(),
                    "a" + i + "-" + UUID.randomUUID(), 100 + i, i % 3));
        }
        return bets;
    }

    /** On a 108-107 game: the creator wins, the acceptor wins, or a push on 215.0. */
    private static Selection selection(int kind) {
        return switch (kind) {
            case 0 -> homeWins();
            case 1 -> awayWins();
            default -> totalPoints(SelectionSide.UNDER, 2150);
        };
    }

    private static void twice(EventPlayer player, BetEvent event) {
        player.sendAsync(Topics.BET_EVENTS, event.getBetId(), event);
        player.sendAsync(Topics.BET_EVENTS, event.getBetId(), event);
    }

    private static Map<String, String> environment(RealInfrastructure infra) {
        Map<String, String> env = infra.serviceEnvironment("settlement");
        env.put("P2PBET_SETTLEMENT_POLLINTERVAL", "PT0.3S");
        env.put("P2PBET_SETTLEMENT_AUDITTIMEOUT", "PT5S");
        return env;
    }

    private static AvroRecordSerializer serializer(RealInfrastructure infra) {
        PlumbingKafkaProperties properties = new PlumbingKafkaProperties();
        properties.setRegistryUrl(infra.registryApiUrl());
        properties.setAutoRegisterSchemas(true);
        return new AvroRecordSerializer(properties);
    }

    private static long count(String sql, String gameId) throws SQLException {
        RealInfrastructure infra = RealInfrastructure.shared();
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl("settlement"), infra.dbUsername(),
                infra.dbPassword());
             PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, gameId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
