package dev.p2pbet.stats;

import dev.p2pbet.stats.game.GameProperties;
import dev.p2pbet.stats.game.domain.GameSimulator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(GameProperties.class)
class StatsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    GameSimulator gameSimulator() {
        return new GameSimulator();
    }
}
