package dev.p2pbet.systemtests.observability;

import static dev.p2pbet.systemtests.clients.Games.ResultSheet.aResult;
import static dev.p2pbet.systemtests.support.BetScenarios.ESCROW;
import static dev.p2pbet.systemtests.support.BetScenarios.SETTLEMENT;
import static dev.p2pbet.systemtests.support.BetScenarios.inAnHour;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.Selection;
import dev.p2pbet.systemtests.clients.User;
import dev.p2pbet.systemtests.support.Locks;
import dev.p2pbet.systemtests.support.Platform;
import dev.p2pbet.systemtests.support.SystemUnderTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The operations dashboard (deploy/k8s/base/monitoring) queries {@code betting_*} series by name; a service that
 * renames a meter would leave a panel silently empty. After real traffic (a bet won and paid, an offer rejected,
 * an acceptance refused, a withdrawn offer refunded), every {@code betting_*} series the dashboard queries is
 * published by some service.
 */
@ResourceLock(value = Locks.PLATFORM_BOOKS, mode = ResourceAccessMode.READ)
class DashboardMetricsIT {

    private static final Path DASHBOARD = Path.of("deploy", "k8s", "base", "monitoring", "p2pbet-business-dashboard.json");
    private static final Pattern BETTING_SERIES = Pattern.compile("\\bbetting_[a-z0-9_]+");
    private static final Pattern SAMPLE_NAME = Pattern.compile("^(betting_[a-z0-9_]+)", Pattern.MULTILINE);
    private static final HttpClient SCRAPER = HttpClient.newHttpClient();
    private static final List<String> SERVICES = List.of(SystemUnderTest.BET_SERVICE, SystemUnderTest.WALLET_GATEWAY,
            SystemUnderTest.SETTLEMENT, SystemUnderTest.STATS);

    @Test
    void every_betting_series_the_dashboard_queries_is_published_after_real_traffic() throws IOException {
        Platform platform = Platform.shared();
        aBetWonAndPaid(platform);
        anOfferRejectedAnAcceptanceRefusedAndAWithdrawalRefunded(platform);

        Set<String> published = SERVICES.stream().flatMap(service -> scrape(platform, service).stream())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(queriedSeries()).as("betting_* series the dashboard queries, published by %s", SERVICES)
                .allSatisfy(series -> assertThat(published).as(series).contains(series));
    }

    private static void aBetWonAndPaid(Platform platform) {
        User ada = platform.users().signUp("metrics-ada", 10_000);
        User ben = platform.users().signUp("metrics-ben", 10_000);
        Game game = platform.games().schedule("metrics", inAnHour());
        String betId = platform.bets().offered(ada, game.gameId(), Selection.gameWinner("HOME"), 1_000).betId();
        platform.bets().awaitStatus(betId, ESCROW, "open");
        platform.bets().accept(ben, betId).expect(202, "ben accepts");
        platform.bets().awaitStatus(betId, ESCROW, "matched");
        platform.games().postResult(game, aResult().player(game.homePlayer(0), 90, 5, 5)
                .player(game.awayPlayer(0), 80, 5, 5));
        platform.bets().awaitStatus(betId, SETTLEMENT, "won");
    }

    private static void anOfferRejectedAnAcceptanceRefusedAndAWithdrawalRefunded(Platform platform) {
        User cal = platform.users().signUp("metrics-cal", 500);
        Game game = platform.games().schedule("metrics-refusals", inAnHour());
        String rejected = platform.bets().offered(cal, game.gameId(), Selection.gameWinner("AWAY"), 1_000).betId();
        platform.bets().awaitStatus(rejected, ESCROW, "rejected");
        String open = platform.bets().offered(cal, game.gameId(), Selection.gameWinner("AWAY"), 100).betId();
        platform.bets().awaitStatus(open, ESCROW, "open");
        assertThat(platform.bets().accept(cal, open).status()).as("accepting one's own offer").isBetween(400, 499);
        platform.bets().withdraw(cal, open).expect(202, "cal withdraws");
        platform.bets().awaitStatus(open, SETTLEMENT, "refunded");
    }

    private static Set<String> scrape(Platform platform, String service) {
        try {
            return publishedSeries(platform, service);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not scrape " + service, e);
        }
    }

    /** The series names in the dashboard's queries ({@code _bucket}/{@code _count}/{@code _sum} included as written). */
    private static Set<String> queriedSeries() throws IOException {
        Path root = Path.of(System.getProperty("system-tests.project-root", "..")).toAbsolutePath().normalize();
        Matcher names = BETTING_SERIES.matcher(Files.readString(root.resolve(DASHBOARD)));
        Set<String> queried = new TreeSet<>();
        while (names.find()) {
            queried.add(names.group());
        }
        assertThat(queried).as("the dashboard queries betting_* series").isNotEmpty();
        return queried;
    }

    private static Set<String> publishedSeries(Platform platform, String service) throws IOException, InterruptedException {
        HttpResponse<String> scrape = SCRAPER.send(HttpRequest.newBuilder(
                platform.sut().serviceUrl(service).resolve("/actuator/prometheus")).header("Accept", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).as(service + "'s /actuator/prometheus").isEqualTo(200);
        Matcher samples = SAMPLE_NAME.matcher(scrape.body());
        Set<String> names = new TreeSet<>();
        while (samples.find()) {
            names.add(samples.group(1));
        }
        return names;
    }
}
