package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
class TransferScheduling implements SchedulingConfigurer {

    private final TransferSettler settler;
    private final WalletSimulatorProperties properties;

    TransferScheduling(TransferSettler settler, WalletSimulatorProperties properties) {
        this.settler = settler;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(settler::settleDue, properties.transfers().pollInterval());
    }
}
