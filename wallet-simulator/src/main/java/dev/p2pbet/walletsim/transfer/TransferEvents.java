package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.transfer.domain.Transfer;
import java.util.List;

/** Port: told of every settled transfer inside the settling transaction (the webhook outbox implements it). */
public interface TransferEvents {

    /** The transfers settled by one transaction, in settlement order. */
    void settled(List<Transfer> transfers);
}
