package dev.p2pbet.bet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Offers, acceptance and the escrow saga behind the frontend API. */
@SpringBootApplication
public class BetServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BetServiceApplication.class, args);
    }
}
