package dev.p2pbet.bet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OpenApiIT extends BetIT {

    /** The copy kept in the repository (docs/api/ takes it from here). */
    private static final Path COMMITTED = Path.of("../docs/api/bet-service.yaml");
    private static final Path SERVED = Path.of("target/openapi.yaml");

    @Test
    void serves_the_openapi_document_without_a_token() {
        HttpResponse<String> yaml = get("/openapi.yaml", null);

        assertThat(yaml.statusCode()).as(yaml.body()).isEqualTo(200);
        assertThat(yaml.body()).contains("openapi: 3", "/api/bets:", "/api/bets/{betId}/accept:",
                "/api/bets/{betId}/withdraw:", "/api/users/me/bets:", "/api/bets/stream:", "bearer");
    }

    @Test
    void the_committed_copy_is_the_document_the_service_serves() throws IOException {
        String served = get("/openapi.yaml", null).body();
        Files.writeString(SERVED, served);

        assertThat(Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "")
                .as("bet-service/" + COMMITTED + " is stale: copy bet-service/" + SERVED + " over it")
                .isEqualTo(served);
    }
}
