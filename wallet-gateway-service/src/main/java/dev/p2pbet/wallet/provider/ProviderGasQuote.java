package dev.p2pbet.wallet.provider;

import java.time.Instant;

/**
 * The provider's answer to {@code GET /transfers/quote}: the gas a transfer of that amount would use now
 * (an estimate; the gas actually used is drawn at confirmation and never exceeds the limit).
 */
public record ProviderGasQuote(String from, String to, long amountMinor, String currency, long gasEstimateMinor,
                               long gasLimitMinor, Instant quotedAt) {
}
