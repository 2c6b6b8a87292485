package dev.p2pbet.walletsim.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // Computed independently: printf '%s' '1700000000.{"id":"evt_1","type":"transfer.confirmed"}' \
    //   | openssl dgst -sha256 -hmac 'whsec_test_only' -hex
    private static final String SECRET = "whsec_test_only";
    private static final long TIMESTAMP = 1_700_000_000L;
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"transfer.confirmed\"}".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "v1=f700c7d32bb31147a75f6de0b372de14be2c0a41fe82a71ee231d99cfa1b1b40";
    private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;

    private final WebhookSignature signature = new WebhookSignature(SECRET);

    @Test
    void signs_the_timestamp_a_dot_and_the_raw_body_with_hmac_sha256() {
        assertThat(signature.sign(TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void verifies_its_own_signature_within_the_tolerance() {
        assertThat(signature.verifies("1700000000", EXPECTED, BODY, Instant.ofEpochSecond(TIMESTAMP + 300), TOLERANCE)).isTrue();
    }

    @Test
    void rejects_a_stale_timestamp_as_a_replay() {
        assertThat(signature.verifies("1700000000", EXPECTED, BODY, Instant.ofEpochSecond(TIMESTAMP + 301), TOLERANCE)).isFalse();
    }

    @Test
    void rejects_a_changed_body_timestamp_or_secret() {
        Instant now = Instant.ofEpochSecond(TIMESTAMP);
        byte[] changed = "{\"id\":\"evt_2\",\"type\":\"transfer.confirmed\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verifies("1700000000", EXPECTED, changed, now, TOLERANCE)).isFalse();
        assertThat(signature.verifies("1700000001", EXPECTED, BODY, now, TOLERANCE)).isFalse();
        assertThat(new WebhookSignature("another").verifies("1700000000", EXPECTED, BODY, now, TOLERANCE)).isFalse();
    }

    @Test
    void rejects_malformed_headers() {
        Instant now = Instant.ofEpochSecond(TIMESTAMP);
        assertThat(signature.verifies("soon", EXPECTED, BODY, now, TOLERANCE)).isFalse();
        assertThat(signature.verifies("1700000000", "v2=abc", BODY, now, TOLERANCE)).isFalse();
        assertThat(signature.verifies("1700000000", "v1=zz", BODY, now, TOLERANCE)).isFalse();
        assertThat(signature.verifies(null, EXPECTED, BODY, now, TOLERANCE)).isFalse();
    }
}
