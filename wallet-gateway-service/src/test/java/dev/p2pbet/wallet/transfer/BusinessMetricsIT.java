package dev.p2pbet.wallet.transfer;

import static dev.p2pbet.wallet.support.TransferCommands.aBetId;
import static dev.p2pbet.wallet.support.Users.aUserWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.wallet.support.TransferCommands;
import dev.p2pbet.wallet.support.TransferEventsRecorder;
import dev.p2pbet.wallet.support.WalletGatewayIT;
import dev.p2pbet.wallet.support.WalletSimulator;
import dev.p2pbet.wallet.wallet.persistence.WalletRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The business metrics under the names the business dashboard queries
 * (deploy/k8s/base/monitoring/p2pbet-business-dashboard.json, issue 8: {@code betting_*}).
 */
@WalletGatewayIT
class BusinessMetricsIT {

    private static final TransferCommands commands = new TransferCommands();

    @Autowired
    WalletRepository wallets;

    @AfterAll
    static void closeProducer() {
        commands.close();
    }

    @Test
    void a_confirmed_transfer_shows_under_the_names_the_business_dashboard_queries() throws Exception {
        String betId = aBetId();
        commands.send(TransferCommands.escrowIn(betId, aUserWith(10_000, wallets), 300));
        TransferEventsRecorder.shared().awaitConfirmed(TransferIds.escrowCreator(betId), Duration.ofSeconds(20));

        String scrape = prometheus();

        assertThat(scrape).contains(
                "betting_transfers_total{",
                "betting_transfers_pending",
                "betting_reconciler_fixes_total{",
                "betting_provider_request_duration_seconds_bucket{",
                "betting_provider_request_duration_seconds_count{");
        assertThat(Arrays.stream(scrape.split("\n")).filter(line -> line.startsWith("wallet_")).toList())
                .as("business meters of the gateway are all named betting_*").isEmpty();
    }

    private static String prometheus() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + WalletSimulator.shared().gatewayPort() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
