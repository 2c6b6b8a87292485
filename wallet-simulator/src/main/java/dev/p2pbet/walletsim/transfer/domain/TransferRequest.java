package dev.p2pbet.walletsim.transfer.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a client asks to move. Its {@link #fingerprint()} is what an idempotency key is bound to: the same key
 * may only ever mean the same request, whatever the JSON formatting or field order.
 */
public record TransferRequest(String from, String to, long amountMinor, String currency, String reference) {

    /** Amounts above this are refused, which keeps every gas computation far from overflow. */
    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000_000L;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public TransferRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(currency, "currency");
        if (from.equals(to)) {
            throw new InvalidTransferException("A transfer needs two different accounts, got " + from + " twice");
        }
        requireValidAmount(amountMinor);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidTransferException("Currency must be three capital letters, was " + currency);
        }
        reference = reference == null ? "" : reference;
    }

    static void requireValidAmount(long amountMinor) {
        if (amountMinor <= 0 || amountMinor > MAX_AMOUNT_MINOR) {
            throw new InvalidTransferException("Amount must be within 1.." + MAX_AMOUNT_MINOR + " minor units, was " + amountMinor);
        }
    }

    public String fingerprint() {
        String canonical = String.join("\n", from, to, Long.toString(amountMinor), currency, reference);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
