package dev.p2pbet.wallet.provider.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider signs every webhook: {@code X-Wallet-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw
 * body>")>} with {@code X-Wallet-Timestamp: <epoch seconds>}. A delivery counts only when the signature matches
 * (compared in constant time) and the timestamp is within the tolerance of our clock, so a captured delivery cannot
 * be replayed later.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Wallet-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Wallet-Signature";
    private static final String SCHEME = "v1=";

    private final SecretKeySpec key;
    private final Duration tolerance;

    public WebhookSignature(String secret, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("A webhook secret is required");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.tolerance = tolerance;
    }

    public String sign(long epochSeconds, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(hmac(epochSeconds, body));
    }

    public boolean verifies(String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(SCHEME)) {
            return false;
        }
        long timestamp;
        byte[] given;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
            given = HexFormat.of().parseHex(signatureHeader.substring(SCHEME.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(given, hmac(timestamp, body));
    }

    private byte[] hmac(long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
