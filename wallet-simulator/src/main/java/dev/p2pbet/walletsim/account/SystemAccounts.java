package dev.p2pbet.walletsim.account;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.account.domain.Account;
import dev.p2pbet.walletsim.account.domain.SystemAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the platform's accounts at start (idempotent) and, when {@code PLATFORM_OPS} is empty, deposits the
 * configured gas float on it, as a sandbox deposit would: the one start-up change to the sum of all balances.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SystemAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SystemAccounts.class);

    private final Accounts accounts;
    private final WalletSimulatorProperties properties;
    private final TransactionTemplate transaction;

    SystemAccounts(Accounts accounts, WalletSimulatorProperties properties, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            for (SystemAccount account : SystemAccount.values()) {
                accounts.open(account.id(), properties.currency(), true);
            }
            Account ops = accounts.lock(SystemAccount.PLATFORM_OPS.id());
            long float_ = properties.accounts().platformOpsFloatMinor();
            if (ops.balanceMinor() == 0 && float_ > 0) {
                accounts.save(ops.deposit(float_));
                log.info("Deposited a gas float of {} {} on {}", float_, properties.currency(), ops.id());
            }
        });
    }
}
