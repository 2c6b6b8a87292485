package dev.p2pbet.wallet.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WalletAddressTest {

    @Test
    void accepts_a_provider_account_id() {
        assertThat(new WalletAddress("alice.wallet-01@sandbox").value()).isEqualTo("alice.wallet-01@sandbox");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "has space", "semi;colon", "ünïcode"})
    void refuses_what_the_provider_would_not_accept(String address) {
        assertThatThrownBy(() -> new WalletAddress(address)).isInstanceOf(InvalidWalletAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ESCROW_VAULT", "escrow_vault", "PLATFORM_OPS", "PLATFORM_REVENUE", "NETWORK_FEES"})
    void refuses_the_platforms_own_accounts(String address) {
        assertThatThrownBy(() -> new WalletAddress(address)).isInstanceOf(InvalidWalletAddressException.class);
    }
}
