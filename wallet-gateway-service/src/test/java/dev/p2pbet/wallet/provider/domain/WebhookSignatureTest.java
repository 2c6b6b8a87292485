package dev.p2pbet.wallet.provider.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final WebhookSignature signature = new WebhookSignature("s3cret", Duration.ofSeconds(300));

    @Test
    void signs_the_contracts_known_vector() {
        WebhookSignature contract = new WebhookSignature("whsec_test_only", Duration.ofSeconds(300));
        byte[] body = "{\"id\":\"evt_1\",\"type\":\"transfer.confirmed\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(contract.sign(1700000000L, body))
                .isEqualTo("v1=f700c7d32bb31147a75f6de0b372de14be2c0a41fe82a71ee231d99cfa1b1b40");
    }

    @Test
    void accepts_a_fresh_signature_over_timestamp_and_body() {
        long ts = NOW.getEpochSecond();

        assertThat(signature.verifies(Long.toString(ts), signature.sign(ts, BODY), BODY, NOW)).isTrue();
    }

    @Test
    void refuses_a_signature_made_with_another_secret() {
        long ts = NOW.getEpochSecond();
        String forged = new WebhookSignature("other", Duration.ofSeconds(300)).sign(ts, BODY);

        assertThat(signature.verifies(Long.toString(ts), forged, BODY, NOW)).isFalse();
    }

    @Test
    void refuses_a_changed_body() {
        long ts = NOW.getEpochSecond();

        assertThat(signature.verifies(Long.toString(ts), signature.sign(ts, BODY), "{}".getBytes(StandardCharsets.UTF_8), NOW)).isFalse();
    }

    @Test
    void refuses_a_stale_timestamp_even_with_a_valid_signature() {
        long stale = NOW.minusSeconds(301).getEpochSecond();

        assertThat(signature.verifies(Long.toString(stale), signature.sign(stale, BODY), BODY, NOW)).isFalse();
    }

    @Test
    void refuses_missing_or_malformed_headers() {
        assertThat(signature.verifies(null, "v1=00", BODY, NOW)).isFalse();
        assertThat(signature.verifies("abc", "v1=00", BODY, NOW)).isFalse();
        assertThat(signature.verifies(Long.toString(NOW.getEpochSecond()), "v1=zz", BODY, NOW)).isFalse();
        assertThat(signature.verifies(Long.toString(NOW.getEpochSecond()), "sha256=00", BODY, NOW)).isFalse();
    }
}
