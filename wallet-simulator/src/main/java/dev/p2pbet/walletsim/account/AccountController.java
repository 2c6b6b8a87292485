package dev.p2pbet.walletsim.account;

import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

    private final Accounts accounts;
    private final Clock clock;

    AccountController(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/accounts/{accountId}/balance")
    AccountBalance balance(@PathVariable String accountId) {
        return AccountBalance.of(accounts.get(accountId), clock.instant());
    }
}
