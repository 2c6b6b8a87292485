package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The harness of issue 9 end to end, at the size {@code load-tests.size} names: the smoke size in `./mvnw verify`
 * (seconds of load; counts checked, timing never judged), the sizes with -Pbenchmarks (tables into
 * docs/benchmarks.md). Timing targets are stated in the tables, never asserted here.
 */
class LoadHarnessIT {

    @Test
    void every_scenario_runs_and_counts_what_it_must() throws Exception {
        Sizes sizes = Sizes.named(System.getProperty("load-tests.size", "smoke"));
        Path results = Path.of(System.getProperty("load-tests.results-dir", "target/load-results"));
        LoadHarness.Outcome outcome = new LoadHarness(
                Path.of(System.getProperty("load-tests.project-root", "..")),
                Path.of(System.getProperty("load-tests.state-dir", "target/platform")), results, sizes).run();

        String docs = System.getProperty("load-tests.docs-file", "");
        if (!docs.isBlank()) {
            ResultTable.writeInto(Path.of(docs), outcome.markdown());
        }

        assertThat(outcome.offersAccepted()).as("offers answered 202").isEqualTo(sizes.offers());
        assertThat(outcome.offersCreated()).as("offers in the bet database").isEqualTo(sizes.offers());
        assertThat(outcome.offersOpen()).as("offers open (escrow confirmed)").isEqualTo(sizes.offers());
        assertThat(outcome.raceMatched()).as("race: exactly N matches").isEqualTo(sizes.raceOffers());
        assertThat(outcome.race202()).as("race: one 202 per offer").isEqualTo(sizes.raceOffers());
        assertThat(outcome.race409()).as("race: every other acceptor 409")
                .isEqualTo((long) sizes.raceOffers() * (sizes.acceptorsPerOffer() - 1));
        assertThat(outcome.raceOther()).as("race: no other answer").isZero();
        assertThat(outcome.lifecycleBets()).as("life-cycle bets in the bet database").isEqualTo(sizes.matchedBets());
        assertThat(outcome.lifecycleMatched()).as("life cycles matched").isEqualTo(sizes.matchedBets());
        assertThat(outcome.lifecycleSettled()).as("every matched bet settled").isEqualTo(sizes.matchedBets());
        assertThat(outcome.lifecyclePaid()).as("paid (none refunded: GAME_WINNER, no tie in this seed)")
                .isEqualTo(sizes.matchedBets());
        assertThat(outcome.relayRows()).isEqualTo(sizes.relayRows());
        assertThat(outcome.outageOpen()).as("offers made during the provider outage open once it is back")
                .isEqualTo(sizes.outageOffers());
        assertThat(results.resolve("gatling")).isDirectoryContaining(p -> Files.exists(p.resolve("index.html")));
        assertThat(outcome.markdown()).contains("| offer creation |", "| accept race |", "| settlement |", "| outbox relay |",
                "| provider outage |");
        assertThat(outcome.table().targets()).as("one row per target of issue 9").extracting(ResultTable.Target::target)
                .containsExactly("offer creation >= 2,000 req/s", "offer creation p99 <= 25 ms",
                        "offer creation: no errors", "create -> open p99 <= 150 ms",
                        "accept race: exactly " + sizes.raceOffers() + " matches, the rest 409",
                        ">= 500 full life cycles/s", "100k matched bets settled and paid <= 30 s",
                        "outbox relay >= 10,000 rows/s", "each service <= 512 MiB RSS");
    }
}
