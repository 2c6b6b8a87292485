package dev.p2pbet.wallet.wallet;

import dev.p2pbet.plumbing.web.ApiProblem;
import dev.p2pbet.wallet.provider.ProviderBalance;
import dev.p2pbet.wallet.provider.ProviderRefusedException;
import dev.p2pbet.wallet.provider.ProviderUnavailableException;
import dev.p2pbet.wallet.provider.WalletProviderClient;
import dev.p2pbet.wallet.wallet.domain.WalletAddress;
import dev.p2pbet.wallet.wallet.persistence.WalletRepository;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Users' wallet links: created by the sign-up hook, linked to an external address the provider knows (and no
 * other user has), read with the balance the provider reports.
 */
@Service
public class WalletService {

    private final WalletRepository wallets;
    private final WalletProviderClient provider;

    WalletService(WalletRepository wallets, WalletProviderClient provider) {
        this.wallets = wallets;
        this.provider = provider;
    }

    /** A user's wallet; {@code balance} is null when no address is linked or the provider cannot answer now. */
    public record WalletView(String userId, String address, ProviderBalance balance, String balanceError) {
    }

    /** Idempotent: true when the row was created by this call. */
    public boolean register(String userId) {
        return wallets.createIfAbsent(userId);
    }

    public WalletView link(String userId, WalletAddress address) {
        Optional<String> owner = wallets.ownerOf(address.value());
        if (owner.isPresent() && !owner.get().equals(userId)) {
            throw ApiProblem.conflict("ADDRESS_TAKEN", "This wallet address is linked to another user.");
        }
        ProviderBalance balance;
        try {
            balance = provider.balance(address.value());
        } catch (ProviderRefusedException e) {
            if (e.isNotFound()) {
                throw ApiProblem.unprocessable("ACCOUNT_NOT_FOUND", "The provider has no account " + address + ".");
            }
            throw ApiProblem.unprocessable("PROVIDER_REJECTED", "The provider refused to show this account.");
        } catch (ProviderUnavailableException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "PROVIDER_UNAVAILABLE",
                    "The wallet provider cannot be reached; try again shortly.");
        }
        try {
            wallets.link(userId, address.value());
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("ADDRESS_TAKEN", "This wallet address is linked to another user.");
        }
        return new WalletView(userId, address.value(), balance, null);
    }

    public WalletView of(String userId) {
        WalletRepository.WalletRow row = wallets.find(userId).orElseThrow(() -> ApiProblem.notFound("NO_WALLET",
                "You have no wallet yet; link your wallet address with PUT /api/wallets/me."));
        if (row.address() == null) {
            return new WalletView(userId, null, null, null);
        }
        try {
            return new WalletView(userId, row.address(), provider.balance(row.address()), null);
        } catch (ProviderUnavailableException e) {
            return new WalletView(userId, row.address(), null, "PROVIDER_UNAVAILABLE");
        } catch (ProviderRefusedException e) {
            return new WalletView(userId, row.address(), null, e.isNotFound() ? "ACCOUNT_NOT_FOUND" : "PROVIDER_REJECTED");
        }
    }
}
