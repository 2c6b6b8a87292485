package dev.p2pbet.bet;

import dev.p2pbet.bet.offer.BetProperties;
import dev.p2pbet.bet.offer.domain.BetRules;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BetProperties.class)
class BetConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BetRules betRules(BetProperties properties) {
        return properties.rules();
    }
}
