package dev.p2pbet.walletsim.sandbox;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.account.AccountBalance;
import dev.p2pbet.walletsim.account.Accounts;
import dev.p2pbet.walletsim.account.domain.Account;
import dev.p2pbet.walletsim.fault.FaultInjector;
import dev.p2pbet.walletsim.fault.domain.FaultSettings;
import dev.p2pbet.walletsim.transfer.NetworkSettings;
import dev.p2pbet.walletsim.transfer.domain.GasModel;
import dev.p2pbet.walletsim.webhook.WebhookDeliveries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox admin API: what a provider's test dashboard offers. Opening and funding accounts, every balance with
 * the total per currency (tests assert it never changes except by their own deposits), the run's faults and the
 * network's gas and confirmation delay, and the webhook deliveries of a transfer.
 */
@RestController
@RequestMapping("/sandbox")
class SandboxController {

    private final Accounts accounts;
    private final FaultInjector faults;
    private final NetworkSettings network;
    private final WebhookDeliveries webhooks;
    private final WalletSimulatorProperties properties;
    private final Clock clock;

    SandboxController(Accounts accounts, FaultInjector faults, NetworkSettings network, WebhookDeliveries webhooks,
                      WalletSimulatorProperties properties, Clock clock) {
        this.accounts = accounts;
        this.faults = faults;
        this.network = network;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
    }

    record NewAccount(@NotBlank String accountId, String currency) {
    }

    record Deposit(@NotNull @Positive Long amountMinor) {
    }

    record Total(String currency, long totalMinor) {
    }

    record Balances(List<AccountBalance> accounts, List<Total> totals, Instant asOf) {
    }

    record Faults(Long seed, Double postTransferErrorRate, Double errorAfterCommitShare, Double slowResponseRate,
                  Long slowResponseDelayMs, Double transferFailureRate, Double webhookDropRate,
                  Double webhookDuplicateRate, Long webhookMaxExtraDelayMs) {

        static Faults of(FaultSettings s) {
            return new Faults(s.seed(), s.postTransferErrorRate(), s.errorAfterCommitShare(), s.slowResponseRate(),
                    s.slowResponseDelay().toMillis(), s.transferFailureRate(), s.webhookDropRate(),
                    s.webhookDuplicateRate(), s.webhookMaxExtraDelay().toMillis());
        }

        /** Absent fields mean "off" (and the usual 0.5 share, and the default seed). */
        FaultSettings toSettings() {
            return new FaultSettings(seed == null ? FaultSettings.DEFAULT_SEED : seed, or0(postTransferErrorRate),
                    errorAfterCommitShare == null ? 0.5 : errorAfterCommitShare, or0(slowResponseRate),
                    Duration.ofMillis(or0(slowResponseDelayMs)), or0(transferFailureRate), or0(webhookDropRate),
                    or0(webhookDuplicateRate), Duration.ofMillis(or0(webhookMaxExtraDelayMs)));
        }

        private static double or0(Double value) {
            return value == null ? 0.0 : value;
        }

        private static long or0(Long value) {
            return value == null ? 0L : value;
        }
    }

    record Network(@NotNull Long confirmationDelayMs, @NotNull Long gasBaseMinor, @NotNull Integer gasProportionalBps,
                   @NotNull Integer gasJitterPercent) {

        static Network of(NetworkSettings.Network n) {
            return new Network(n.confirmationDelay().toMillis(), n.gas().baseMinor(), n.gas().proportionalBps(),
                    n.gas().jitterPercent());
        }

        NetworkSettings.Network toSettings() {
            return new NetworkSettings.Network(new GasModel(gasBaseMinor, gasProportionalBps, gasJitterPercent),
                    Duration.ofMillis(confirmationDelayMs));
        }
    }

    @PostMapping("/accounts")
    ResponseEntity<AccountBalance> open(@Valid @RequestBody NewAccount body) {
        String currency = body.currency() == null ? properties.currency() : body.currency();
        Accounts.Opened opened = accounts.open(body.accountId(), currency, false);
        AccountBalance balance = AccountBalance.of(opened.account(), clock.instant());
        return opened.created()
                ? ResponseEntity.created(URI.create("/accounts/" + body.accountId() + "/balance")).body(balance)
                : ResponseEntity.ok(balance);
    }

    @PostMapping("/accounts/{accountId}/deposits")
    AccountBalance deposit(@PathVariable String accountId, @Valid @RequestBody Deposit body) {
        return AccountBalance.of(accounts.deposit(accountId, body.amountMinor()), clock.instant());
    }

    @GetMapping("/balances")
    Balances balances() {
        List<Account> all = accounts.all();
        Map<String, Long> totals = new TreeMap<>();
        all.forEach(account -> totals.merge(account.currency(), account.balanceMinor(), Math::addExact));
        Instant now = clock.instant();
        return new Balances(all.stream().map(account -> AccountBalance.of(account, now)).toList(),
                totals.entrySet().stream().map(total -> new Total(total.getKey(), total.getValue())).toList(), now);
    }

    @GetMapping("/faults")
    Faults faults() {
        return Faults.of(faults.current());
    }

    @PutMapping("/faults")
    Faults setFaults(@RequestBody Faults body) {
        FaultSettings settings = body.toSettings();
        faults.apply(settings);
        return Faults.of(settings);
    }

    @DeleteMapping("/faults")
    Faults resetFaults() {
        return Faults.of(faults.reset());
    }

    @GetMapping("/network")
    Network network() {
        return Network.of(network.current());
    }

    @PutMapping("/network")
    Network setNetwork(@Valid @RequestBody Network body) {
        NetworkSettings.Network settings = body.toSettings();
        network.apply(settings);
        return Network.of(settings);
    }

    @DeleteMapping("/network")
    Network resetNetwork() {
        return Network.of(network.reset());
    }

    @GetMapping("/webhooks")
    List<WebhookDeliveries.DeliveryView> webhooks(@RequestParam UUID transferId) {
        return webhooks.forTransfer(transferId);
    }
}
