package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.outbox.OutboxCommitSignal;
import dev.p2pbet.plumbing.outbox.OutboxProperties;
import dev.p2pbet.plumbing.outbox.OutboxRelay;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's claim is planned for each look. A plan PostgreSQL cached while the outbox was empty scans and sorts
 * the whole table, taking every shard's advisory lock, so a backlog that follows would cost O(backlog) per batch.
 */
@PlumbingIntegrationTest
class OutboxRelayPlanIT {

    private static final int LOOKS = 20;

    @Autowired
    DataSource dataSource;

    @Autowired
    Producer<String, byte[]> outboxProducer;

    @Autowired
    OutboxProperties properties;

    @Test
    void plans_its_claim_for_every_look_instead_of_caching_a_plan() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            // one connection, so its server-side prepared statements and their plans can be read back
            SingleConnectionDataSource oneConnection = new SingleConnectionDataSource(connection, true);
            OutboxRelay relay = new OutboxRelay(JdbcClient.create(oneConnection),
                    new TransactionTemplate(new DataSourceTransactionManager(oneConnection)), outboxProducer,
                    properties, new OutboxCommitSignal(), new SimpleMeterRegistry());

            for (int look = 0; look < LOOKS; look++) {
                relay.relayBatch();
            }

            Map<String, Object> claim = JdbcClient.create(oneConnection).sql("""
                            SELECT generic_plans, custom_plans FROM pg_prepared_statements
                            WHERE statement LIKE '%pg_try_advisory_xact_lock%'""")
                    .query().singleRow();
            assertThat(((Number) claim.get("generic_plans")).longValue()).isZero();
            assertThat(((Number) claim.get("custom_plans")).longValue()).isGreaterThan(LOOKS / 2);
        }
    }
}
