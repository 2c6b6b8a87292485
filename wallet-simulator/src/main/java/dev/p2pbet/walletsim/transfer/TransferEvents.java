package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.transfer.domain.Transfer;

/** Port: told of every settled transfer inside the settling transaction (the webhook outbox implements it). */
public interface TransferEvents {

    void settled(Transfer transfer);
}
