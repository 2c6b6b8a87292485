package dev.p2pbet.wallet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The only door to the external wallet provider: wallet links and escrow transfers, exactly once. */
@SpringBootApplication
public class WalletGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(WalletGatewayApplication.class, args);
    }
}
