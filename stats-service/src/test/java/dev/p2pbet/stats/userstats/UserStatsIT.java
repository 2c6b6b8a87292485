package dev.p2pbet.stats.userstats;

import static dev.p2pbet.stats.userstats.SettlementEventsFixture.aBetId;
import static dev.p2pbet.stats.userstats.SettlementEventsFixture.aUser;
import static dev.p2pbet.stats.userstats.SettlementEventsFixture.betSettled;
import static dev.p2pbet.stats.userstats.SettlementEventsFixture.reissued;
import static dev.p2pbet.stats.userstats.SettlementEventsFixture.stakeRefunded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.stats.StatsIT;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class UserStatsIT extends StatsIT {

    @Autowired
    AvroRecordSerializer serializer;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void a_settled_bet_is_a_win_for_the_winner_and_a_loss_for_the_loser() {
        String alice = aUser("alice");
        String bob = aUser("bob");

        publish(betSettled(aBetId(), alice, bob, 1_000));

        JsonNode winner = awaitSettled(alice, 1);
        assertThat(winner.path("wins").asInt()).isEqualTo(1);
        assertThat(winner.path("totalStakedMinor").asLong()).isEqualTo(1_000);
        assertThat(winner.path("netProfitMinor").asLong()).isEqualTo(950);   // payout 1950 - stake 1000
        assertThat(winner.path("roiBasisPoints").asLong()).isEqualTo(9_500);
        assertThat(winner.path("roiPercent").asString()).isEqualTo("95.00");
        assertThat(winner.path("currentStreak").asInt()).isEqualTo(1);
        assertThat(winner.path("currency").asString()).isEqualTo("USD");
        JsonNode loser = awaitSettled(bob, 1);
        assertThat(loser.path("losses").asInt()).isEqualTo(1);
        assertThat(loser.path("netProfitMinor").asLong()).isEqualTo(-1_000);
        assertThat(loser.path("roiBasisPoints").asLong()).isEqualTo(-10_000);
        assertThat(loser.path("currentStreak").asInt()).isEqualTo(-1);
    }

    @Test
    void the_same_settlement_event_delivered_twice_counts_once() {
        String alice = aUser("alice");
        String marker = aUser("marker");
        String betId = aBetId();
        SettlementEvent settled = betSettled(betId, alice, aUser("bob"), 1_000);

        publish(settled);
        publish(settled);
        publish(betId, stakeRefunded(aBetId(), marker, 500, 10));   // same partition: read after the duplicate

        awaitSettled(marker, 1);
        JsonNode stats = stats(alice);
        assertThat(stats.path("betsSettled").asInt()).isEqualTo(1);
        assertThat(stats.path("wins").asInt()).isEqualTo(1);
        assertThat(stats.path("netProfitMinor").asLong()).isEqualTo(950);
        assertThat(resultRows(alice)).isEqualTo(1);
    }

    @Test
    void a_second_event_about_the_same_stake_counts_once() {
        String alice = aUser("alice");
        String marker = aUser("marker");
        String betId = aBetId();
        SettlementEvent settled = betSettled(betId, alice, aUser("bob"), 1_000);

        publish(settled);
        publish(reissued(settled));
        publish(betId, stakeRefunded(aBetId(), marker, 500, 10));

        awaitSettled(marker, 1);
        assertThat(stats(alice).path("betsSettled").asInt()).isEqualTo(1);
    }

    @Test
    void a_refund_costs_the_user_the_gas_and_leaves_the_streak_alone() {
        String alice = aUser("alice");

        String betId = aBetId();
        publish(betId, betSettled(aBetId(), alice, aUser("bob"), 1_000));
        publish(betId, stakeRefunded(aBetId(), alice, 1_000, 30));
        publish(betId, betSettled(aBetId(), alice, aUser("carol"), 1_000));

        JsonNode stats = awaitSettled(alice, 3);
        assertThat(stats.path("refunds").asInt()).isEqualTo(1);
        assertThat(stats.path("wins").asInt()).isEqualTo(2);
        assertThat(stats.path("totalStakedMinor").asLong()).isEqualTo(3_000);
        assertThat(stats.path("netProfitMinor").asLong()).isEqualTo(950 - 30 + 950);
        assertThat(stats.path("roiBasisPoints").asLong()).isEqualTo(6_233);   // 1870 / 3000
        assertThat(stats.path("currentStreak").asInt()).isEqualTo(2);
    }

    @Test
    void losses_in_a_row_make_a_negative_streak() {
        String bob = aUser("bob");

        String key = aBetId();
        publish(key, betSettled(aBetId(), aUser("alice"), bob, 500));
        publish(key, betSettled(aBetId(), aUser("carol"), bob, 500));

        assertThat(awaitSettled(bob, 2).path("currentStreak").asInt()).isEqualTo(-2);
    }

    @Test
    void a_user_without_settled_bets_has_zeros() {
        JsonNode stats = stats(aUser("newcomer"));

        assertThat(stats.path("betsSettled").asInt()).isZero();
        assertThat(stats.path("netProfitMinor").asLong()).isZero();
        assertThat(stats.has("roiBasisPoints")).isFalse();
    }

    @Test
    void stats_need_a_signed_in_user() {
        assertThat(get("/api/stats/users/anyone").statusCode()).isEqualTo(401);
        assertThat(get("/api/stats/leaderboard").statusCode()).isEqualTo(401);
    }

    @Test
    void the_leaderboard_ranks_by_profit_or_by_wins() {
        String shark = aUser("shark");     // 2 wins of 100: +190
        String whale = aUser("whale");     // 1 win of 10000: +9500
        String fish = aUser("fish");       // 3 losses
        String key = aBetId();
        publish(key, betSettled(aBetId(), shark, fish, 100));
        publish(key, betSettled(aBetId(), shark, fish, 100));
        publish(key, betSettled(aBetId(), whale, fish, 10_000));
        awaitSettled(fish, 3);

        List<String> byProfit = ranked("/api/stats/leaderboard?by=profit&size=100", List.of(shark, whale, fish));
        List<String> byWins = ranked("/api/stats/leaderboard?by=wins&size=100", List.of(shark, whale, fish));

        assertThat(byProfit).containsExactly(whale, shark, fish);
        assertThat(byWins).containsExactly(shark, whale, fish);
    }

    @Test
    void the_weekly_leaderboard_counts_only_the_last_seven_days() {
        String veteran = aUser("veteran");
        String key = aBetId();
        publish(key, betSettled(aBetId(), veteran, aUser("x"), 1_000, Instant.now().minus(10, ChronoUnit.DAYS)));
        publish(key, betSettled(aBetId(), aUser("y"), veteran, 100));
        awaitSettled(veteran, 2);

        JsonNode all = entry("/api/stats/leaderboard?period=all&size=100", veteran);
        JsonNode week = entry("/api/stats/leaderboard?period=week&size=100", veteran);
        JsonNode month = entry("/api/stats/leaderboard?period=month&size=100", veteran);

        assertThat(all.path("netProfitMinor").asLong()).isEqualTo(950 - 100);
        assertThat(week.path("netProfitMinor").asLong()).isEqualTo(-100);
        assertThat(week.path("betsSettled").asInt()).isEqualTo(1);
        assertThat(month.path("betsSettled").asInt()).isEqualTo(2);
    }

    @Test
    void the_leaderboard_is_paginated() {
        publish(betSettled(aBetId(), aUser("p"), aUser("q"), 100));
        await().atMost(WAIT).until(() -> json(get("/api/stats/leaderboard?size=1", user("reader"))).path("totalItems").asLong() >= 2);

        JsonNode first = json(get("/api/stats/leaderboard?size=1&page=0", user("reader")));
        JsonNode second = json(get("/api/stats/leaderboard?size=1&page=1", user("reader")));

        assertThat(first.path("items").size()).isEqualTo(1);
        assertThat(first.path("items").get(0).path("rank").asLong()).isEqualTo(1);
        assertThat(second.path("items").get(0).path("rank").asLong()).isEqualTo(2);
        assertThat(first.path("totalPages").asLong()).isEqualTo(first.path("totalItems").asLong());
    }

    @Test
    void refuses_an_unknown_ranking_or_period() {
        HttpResponse<String> by = get("/api/stats/leaderboard?by=luck", user("reader"));
        HttpResponse<String> period = get("/api/stats/leaderboard?period=decade", user("reader"));

        assertThat(by.statusCode()).isEqualTo(400);
        assertThat(json(by).path("reason").asString()).isEqualTo("INVALID_BY");
        assertThat(json(period).path("reason").asString()).isEqualTo("INVALID_PERIOD");
    }

    @Test
    void a_settlement_in_another_currency_goes_to_the_dead_letter_topic_and_changes_nothing() {
        String alice = aUser("alice");
        String key = aBetId();
        publish(key, betSettled(aBetId(), alice, aUser("bob"), 1_000));
        awaitSettled(alice, 1);
        String euroBet = aBetId();

        publish(betSettled(euroBet, alice, aUser("bob"), 1_000, Instant.now(), "EUR"));

        assertThat(probe().findByKey(Topics.SETTLEMENT_EVENTS + ".DLT", euroBet, WAIT)).isPresent();
        assertThat(stats(alice).path("betsSettled").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM user_bet_results WHERE bet_id = ?").param(euroBet)
                .query(Long.class).single()).isZero();
    }

    @Test
    void counts_stat_updates_in_the_metrics() {
        String alice = aUser("alice");
        publish(betSettled(aBetId(), alice, aUser("bob"), 100));
        awaitSettled(alice, 1);

        assertThat(get("/actuator/prometheus").body())
                .containsPattern("betting_user_stat_updates_total\\{[^}]*outcome=\"won\"[^}]*} [1-9]");
    }

    private void publish(SettlementEvent event) {
        publish(event.getAggregateId(), event);
    }

    private void publish(String key, SettlementEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.SETTLEMENT_EVENTS, key,
                    serializer.serialize(Topics.SETTLEMENT_EVENTS, event))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode stats(String userId) {
        HttpResponse<String> response = get("/api/stats/users/" + userId, user(userId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private JsonNode awaitSettled(String userId, int bets) {
        await().atMost(WAIT).until(() -> stats(userId).path("betsSettled").asInt() >= bets);
        return stats(userId);
    }

    private long resultRows(String userId) {
        return jdbc.sql("SELECT count(*) FROM user_bet_results WHERE user_id = ?").param(userId).query(Long.class).single();
    }

    private List<String> ranked(String path, List<String> users) {
        List<String> order = new ArrayList<>();
        json(get(path, user("reader"))).path("items").values().forEach(item -> {
            if (users.contains(item.path("userId").asString())) {
                order.add(item.path("userId").asString());
            }
        });
        return order;
    }

    private JsonNode entry(String path, String userId) {
        return json(get(path, user("reader"))).path("items").values().stream()
                .filter(item -> item.path("userId").asString().equals(userId))
                .findFirst().orElseThrow(() -> new AssertionError(userId + " is not on " + path));
    }
}
