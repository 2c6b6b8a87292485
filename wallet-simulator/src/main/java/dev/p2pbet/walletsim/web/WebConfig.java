package dev.p2pbet.walletsim.web;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.fault.FaultInjector;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final WalletSimulatorProperties properties;
    private final FaultInjector faults;

    WebConfig(WalletSimulatorProperties properties, FaultInjector faults) {
        this.properties = properties;
        this.faults = faults;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiKeyInterceptor(properties)).addPathPatterns("/accounts/**", "/transfers/**", "/transfers");
        registry.addInterceptor(new SlowResponseInterceptor(faults)).addPathPatterns("/accounts/**", "/transfers/**", "/transfers");
        registry.addInterceptor(new SandboxKeyInterceptor(properties.sandbox().apiKey())).addPathPatterns("/sandbox/**");
    }
}
