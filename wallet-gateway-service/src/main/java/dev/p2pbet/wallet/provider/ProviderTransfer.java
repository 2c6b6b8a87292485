package dev.p2pbet.wallet.provider;

/**
 * A transfer as the provider shows it ({@code status}: pending, confirmed or failed). {@code idempotencyKey} is
 * our transfer_id.
 */
public record ProviderTransfer(
        String id,
        String idempotencyKey,
        String status,
        String from,
        String to,
        long amountMinor,
        String currency,
        Long gasUsedMinor,
        String failureReason) {

    public boolean isPending() {
        return "pending".equals(status);
    }

    public boolean isConfirmed() {
        return "confirmed".equals(status);
    }

    public boolean isFailed() {
        return "failed".equals(status);
    }
}
