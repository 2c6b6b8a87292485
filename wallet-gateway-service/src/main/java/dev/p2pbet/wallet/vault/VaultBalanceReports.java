package dev.p2pbet.wallet.vault;

import dev.p2pbet.plumbing.inbox.Inbox;
import dev.p2pbet.plumbing.outbox.Outbox;
import dev.p2pbet.schemas.common.Money;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.VaultBalanceReported;
import dev.p2pbet.wallet.WalletGatewayProperties;
import dev.p2pbet.wallet.provider.ProviderBalance;
import dev.p2pbet.wallet.provider.ProviderGasQuote;
import dev.p2pbet.wallet.provider.ProviderRefusedException;
import dev.p2pbet.wallet.provider.ProviderUnavailableException;
import dev.p2pbet.wallet.provider.WalletProviderClient;
import dev.p2pbet.wallet.transfer.domain.ProviderAccounts;
import dev.p2pbet.wallet.transfer.persistence.TransferLedger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers the liquidity audit with the ESCROW_VAULT balance at the provider, and sets it against what the ledger
 * expects, read at a consistent point: money in is counted once confirmed, read <em>before</em> the provider's
 * balance; money out is counted once commanded, read <em>after</em> it. A transfer in flight can then only show
 * as a surplus, never as a false shortfall. The report carries the provider's balance (the schema has no field for
 * the ledger's side yet); both sides and their difference are gauges ({@code betting.vault.*}) and logged.
 * One deployment has one currency, so the ledger sums need no currency filter.
 */
@Service
public class VaultBalanceReports {

    static final String CONSUMER = "wallet-vault-balance";
    private static final Logger log = LoggerFactory.getLogger(VaultBalanceReports.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final TransferLedger ledger;
    private final WalletProviderClient provider;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final long quoteAmountMinor;
    private final AtomicLong providerBalance = new AtomicLong();
    private final AtomicLong expectedBalance = new AtomicLong();

    VaultBalanceReports(Inbox inbox, Outbox outbox, TransferLedger ledger, WalletProviderClient provider,
                        TransactionTemplate transaction, Clock clock, MeterRegistry meters,
                        WalletGatewayProperties properties) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.ledger = ledger;
        this.provider = provider;
        this.transaction = transaction;
        this.clock = clock;
        this.quoteAmountMinor = properties.vaultReport().gasQuoteAmountMinor();
        Gauge.builder("betting.vault.provider.balance.minor", providerBalance, AtomicLong::get)
                .description("ESCROW_VAULT balance at the provider, as of the last reading, minor units").register(meters);
        Gauge.builder("betting.vault.ledger.expected.minor", expectedBalance, AtomicLong::get)
                .description("What the gateway's ledger expects the vault to hold, as of the last reading, minor units")
                .register(meters);
        Gauge.builder("betting.vault.discrepancy.minor", this,
                        reports -> reports.providerBalance.get() - reports.expectedBalance.get())
                .description("Provider vault balance minus the ledger's expectation: positive is a surplus")
                .register(meters);
    }

    /** The two sides of one reading. */
    public record VaultReading(ProviderBalance provider, long expectedMinor) {

        public long discrepancyMinor() {
            return provider.balanceMinor() - expectedMinor;
        }
    }

    public VaultReading read() {
        long confirmedIn = ledger.confirmedInto(ProviderAccounts.ESCROW_VAULT);
        ProviderBalance vault = provider.balance(ProviderAccounts.ESCROW_VAULT);
        long commandedOut = ledger.commandedOutOf(ProviderAccounts.ESCROW_VAULT);
        VaultReading reading = new VaultReading(vault, Math.subtractExact(confirmedIn, commandedOut));
        providerBalance.set(vault.balanceMinor());
        expectedBalance.set(reading.expectedMinor());
        return reading;
    }

    /**
     * Reads both sides and reports once per request event; provider failures propagate (retried, then the DLT).
     * The report carries the provider's gas quote for a transfer out of the vault; when the provider cannot quote,
     * the report goes without one (settlement then uses its configured estimate) rather than not at all.
     */
    public void report(String eventId, String requestId) {
        VaultReading reading = read();
        Money gasQuote = gasQuote(reading.provider().currency());
        if (reading.discrepancyMinor() != 0) {
            log.warn("Vault discrepancy for audit {}: the provider holds {} {}, the ledger expects {} ({})", requestId,
                    reading.provider().balanceMinor(), reading.provider().currency(), reading.expectedMinor(),
                    reading.discrepancyMinor() > 0 ? "surplus" : "SHORTFALL");
        }
        transaction.executeWithoutResult(status -> {
            if (!inbox.firstDelivery(CONSUMER, eventId)) {
                return;
            }
            outbox.append(Topics.WALLET_VAULT_BALANCE_REPORTS, requestId, VaultBalanceReported.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setOccurredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                    .setRequestId(requestId)
                    .setBalance(Money.newBuilder().setAmountMinor(reading.provider().balanceMinor())
                            .setCurrency(reading.provider().currency()).build())
                    .setAsOf(reading.provider().asOf().truncatedTo(ChronoUnit.MILLIS))
                    .setLedgerExpectedBalance(Money.newBuilder().setAmountMinor(reading.expectedMinor())
                            .setCurrency(reading.provider().currency()).build())
                    .setGasQuote(gasQuote)
                    .build());
        });
    }

    private Money gasQuote(String currency) {
        try {
            ProviderGasQuote quote = provider.quote(ProviderAccounts.ESCROW_VAULT, ProviderAccounts.PLATFORM_OPS,
                    quoteAmountMinor, currency);
            return Money.newBuilder().setAmountMinor(quote.gasEstimateMinor()).setCurrency(quote.currency()).build();
        } catch (ProviderUnavailableException | ProviderRefusedException e) {
            log.warn("No gas quote for the vault balance report ({}): settlement falls back to its estimate",
                    e.getMessage());
            return null;
        }
    }
}
