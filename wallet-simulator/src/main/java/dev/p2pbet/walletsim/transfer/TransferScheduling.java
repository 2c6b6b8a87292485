package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.polling.WakeablePoller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TransferScheduling {

    /** Settles what is due after every poll interval, and at once after a submission that is due at once commits. */
    @Bean
    WakeablePoller transferSettlement(TransferSettler settler, WalletSimulatorProperties properties) {
        return new WakeablePoller("transfer-settler", properties.transfers().pollInterval(), settler::settleDue);
    }
}
