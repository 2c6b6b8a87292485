package dev.p2pbet.bet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.testing.PoisonDrill;
import dev.p2pbet.plumbing.testing.PoisonFigures;
import dev.p2pbet.schemas.topics.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service's consumers are wired to the plumbing's DLT handling: on every topic it consumes, bytes
 * nobody can read and a record of another schema go to the DLT with their reason, and the good record
 * behind them on the same partition is consumed (figures in target/reliability/poison-bet-service.md).
 */
@BetIntegrationTest
class BetServicePoisonRecordsIT {

    @Test
    void every_consumed_topic_dead_letters_its_poison_with_the_reason_and_keeps_consuming() {
        PoisonFigures figures = new PoisonFigures("bet-service");
        List<PoisonDrill.Outcome> outcomes = PoisonDrill.onEveryTopic("bet-service", figures,
                Topics.GAME_EVENTS, Topics.SETTLEMENT_EVENTS, Topics.WALLET_TRANSFER_EVENTS);
        figures.write();

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.deadLetteredWithReason()).as(outcome.topic()).isEqualTo(outcome.injected());
            assertThat(outcome.goodRecordsDeadLettered()).as(outcome.topic()).isZero();
            assertThat(outcome.partitionMovedOn()).as(outcome.topic()).isTrue();
        });
    }
}
