package dev.p2pbet.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

    private final TopicCatalogue catalogue = TopicCatalogue.load();

    @Test
    void finds_a_topic_by_its_name() {
        TopicSpec betEvents = catalogue.byName(Topics.BET_EVENTS);

        assertThat(betEvents).isEqualTo(new TopicSpec("bet.events", "bet_id", "dev.p2pbet.schemas.bet.BetEvent",
                6, 1, TopicSpec.RETAIN_FOREVER, "delete", true));
    }

    @Test
    void an_unknown_topic_name_is_rejected() {
        assertThatThrownBy(() -> catalogue.byName("bets"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bets");
    }

    @Test
    void every_consumed_topic_has_a_dead_letter_topic() {
        assertThat(catalogue.topics()).allSatisfy(topic -> assertThat(topic.dlt()).as(topic.name()).isTrue());
    }

    @Test
    void a_dead_letter_topic_is_named_after_its_topic() {
        assertThat(catalogue.byName(Topics.GAME_EVENTS).dltName()).isEqualTo("game.events.DLT");
    }

    @Test
    void a_dead_letter_topic_keeps_the_partitions_and_is_kept_forever() {
        TopicSpec commands = catalogue.byName(Topics.WALLET_TRANSFER_COMMANDS);

        TopicSpec dlt = commands.dltSpec();

        assertThat(dlt.name()).isEqualTo("wallet.transfer-commands.DLT");
        assertThat(dlt.partitions()).isEqualTo(commands.partitions());
        assertThat(dlt.retentionMs()).isEqualTo(TopicSpec.RETAIN_FOREVER);
        assertThat(dlt.dlt()).isFalse();
    }

    @Test
    void topics_to_create_are_every_topic_followed_by_its_dead_letter_topic() {
        assertThat(catalogue.topicsWithDlts()).hasSize(2 * catalogue.topics().size());
        assertThat(catalogue.topicsWithDlts().get(1).name()).isEqualTo(catalogue.topics().getFirst().dltName());
    }

    @Test
    void kafka_configs_give_retention_and_cleanup_policy() {
        assertThat(catalogue.byName(Topics.WALLET_TRANSFER_COMMANDS).configs())
                .containsExactly(entry("retention.ms", "604800000"), entry("cleanup.policy", "delete"));
    }

    @Test
    void retention_forever_is_retention_ms_minus_one() {
        assertThat(catalogue.byName(Topics.BET_EVENTS).configs()).containsEntry("retention.ms", "-1");
    }

    @Test
    void production_replicates_every_topic_three_times_and_acks_on_two_replicas() {
        assertThat(catalogue.forProduction().topics()).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).as(topic.name()).isEqualTo(3);
            assertThat(topic.configs()).as(topic.name()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void dev_replicates_every_topic_once_for_a_single_broker() {
        assertThat(catalogue.topics()).allSatisfy(topic ->
                assertThat(topic.replicationFactor()).as(topic.name()).isEqualTo(1));
    }

    @Test
    void a_topic_missing_a_field_is_rejected() {
        assertThatThrownBy(() -> parse(topic("name: a.topic", "partitions: 6").replace("    dlt: true\n", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks field 'dlt'");
    }

    @Test
    void a_topic_with_an_unknown_field_is_rejected() {
        assertThatThrownBy(() -> parse(topic("name: a.topic", "partitions: 6") + "    retention_ms: 5\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown field 'retention_ms'");
    }

    @Test
    void a_topic_declared_twice_is_rejected() {
        assertThatThrownBy(() -> parse(topic("name: a.topic", "partitions: 6") + topic("name: a.topic", "partitions: 3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declared twice: a.topic");
    }

    @Test
    void a_topic_without_partitions_is_rejected() {
        assertThatThrownBy(() -> parse(topic("name: a.topic", "partitions: 0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitions");
    }

    private static TopicCatalogue parse(String topics) {
        return TopicCatalogue.parse(new StringReader("topics:\n" + topics));
    }

    private static String topic(String name, String partitions) {
        return "  - " + name + "\n"
                + "    key: some_id\n"
                + "    value_schema: dev.p2pbet.Some\n"
                + "    " + partitions + "\n"
                + "    replication_factor: 1\n"
                + "    prod_replication_factor: 3\n"
                + "    retention: forever\n"
                + "    cleanup_policy: delete\n"
                + "    dlt: true\n";
    }
}
