package dev.p2pbet.walletsim;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The external wallet provider, simulated: accounts, transfers with gas, signed webhooks, faults on demand. */
@SpringBootApplication
@EnableConfigurationProperties(WalletSimulatorProperties.class)
public class WalletSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(WalletSimulatorApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
