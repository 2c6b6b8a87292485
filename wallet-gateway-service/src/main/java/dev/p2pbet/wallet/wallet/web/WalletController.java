package dev.p2pbet.wallet.wallet.web;

import dev.p2pbet.plumbing.web.ApiProblem;
import dev.p2pbet.wallet.wallet.WalletService;
import dev.p2pbet.wallet.wallet.domain.InvalidWalletAddressException;
import dev.p2pbet.wallet.wallet.domain.WalletAddress;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's wallet: the linked address and the balance the provider reports. */
@RestController
@RequestMapping("/api/wallets/me")
class WalletController {

    private final WalletService wallets;

    WalletController(WalletService wallets) {
        this.wallets = wallets;
    }

    record LinkRequest(String address) {
    }

    record BalanceView(long amountMinor, long availableMinor, String currency, java.time.Instant asOf) {
    }

    record WalletResponse(String userId, String address, BalanceView balance, String balanceError) {

        static WalletResponse of(WalletService.WalletView view) {
            BalanceView balance = view.balance() == null ? null : new BalanceView(view.balance().balanceMinor(),
                    view.balance().availableMinor(), view.balance().currency(), view.balance().asOf());
            return new WalletResponse(view.userId(), view.address(), balance, view.balanceError());
        }
    }

    @GetMapping
    WalletResponse me(@AuthenticationPrincipal Jwt jwt) {
        return WalletResponse.of(wallets.of(jwt.getSubject()));
    }

    @PutMapping
    WalletResponse link(@AuthenticationPrincipal Jwt jwt, @RequestBody LinkRequest request) {
        WalletAddress address;
        try {
            address = new WalletAddress(request.address());
        } catch (InvalidWalletAddressException e) {
            throw ApiProblem.unprocessable("INVALID_ADDRESS", e.getMessage());
        }
        return WalletResponse.of(wallets.link(jwt.getSubject(), address));
    }
}
