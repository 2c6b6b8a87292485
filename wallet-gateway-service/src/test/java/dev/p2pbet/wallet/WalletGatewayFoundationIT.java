package dev.p2pbet.wallet;

import dev.p2pbet.plumbing.testing.ServiceFoundationContract;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.wallet.support.WalletGatewayIT;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.TransferFailureReason;
import dev.p2pbet.schemas.wallet.TransferPurpose;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

@WalletGatewayIT
class WalletGatewayFoundationIT extends ServiceFoundationContract {

    @Override
    protected List<String> ownTables() {
        return List.of("wallets", "wallet_transactions");
    }

    @Override
    protected String ownTopic() {
        return Topics.WALLET_TRANSFER_EVENTS;
    }

    @Override
    protected SpecificRecord ownEvent(String key) {
        String betId = UUID.randomUUID().toString();
        return TransferEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setTransferId(key)
                .setPayload(TransferFailed.newBuilder()
                        .setTransferId(key)
                        .setBetId(betId)
                        .setPurpose(TransferPurpose.values()[0])
                        .setUserId("alice")
                        .setAmount(usd(500))
                        .setReason(TransferFailureReason.INSUFFICIENT_FUNDS)
                        .setMessage("balance 100 USD is below 500 USD")
                        .setRetryable(false)
                        .build())
                .build();
    }
}
