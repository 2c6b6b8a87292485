package dev.p2pbet.walletsim.account;

import dev.p2pbet.walletsim.account.domain.Account;
import dev.p2pbet.walletsim.web.ApiProblemException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening, funding and reading accounts. A deposit is the only operation that changes the sum of all balances. */
@Service
public class Accounts {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final AccountRepository repository;

    Accounts(AccountRepository repository) {
        this.repository = repository;
    }

    /** Whether the account was created by this call (false: it existed with the same currency). */
    public record Opened(Account account, boolean created) {
    }

    @Transactional
    public Opened open(String id, String currency, boolean system) {
        if (!ACCOUNT_ID.matcher(id).matches()) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_request", "Invalid request",
                    "Account ids are 1 to 128 characters of letters, digits and _ . : @ -");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_request", "Invalid request",
                    "Currency must be three capital letters");
        }
        boolean created = repository.open(id, currency, system);
        Account account = get(id);
        if (!account.currency().equals(currency)) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "account_exists", "Account exists",
                    "Account " + id + " exists in " + account.currency());
        }
        return new Opened(account, created);
    }

    @Transactional
    public Account deposit(String id, long amountMinor) {
        Account funded = lock(id).deposit(amountMinor);
        repository.save(funded);
        return funded;
    }

    @Transactional(readOnly = true)
    public Account get(String id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    public Account lock(String id) {
        return repository.lock(id).orElseThrow(() -> notFound(id));
    }

    /** Locks every account of {@code ids} (see {@link AccountRepository#lockAll}); a missing one is an error. */
    public Map<String, Account> lockAll(Collection<String> ids) {
        Map<String, Account> locked = new HashMap<>();
        repository.lockAll(ids).forEach(account -> locked.put(account.id(), account));
        for (String id : ids) {
            if (!locked.containsKey(id)) {
                throw notFound(id);
            }
        }
        return locked;
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return repository.all();
    }

    public void save(Account account) {
        repository.save(account);
    }

    public void saveAll(Collection<Account> accounts) {
        repository.saveAll(accounts);
    }

    public static ApiProblemException notFound(String id) {
        return ApiProblemException.notFound("account_not_found", "No account " + id);
    }
}
