package dev.p2pbet.wallet.transfer;

import dev.p2pbet.wallet.transfer.domain.Transfer;

/** Port: publishes a transfer's outcome, inside the transaction whose guarded update decided it. */
public interface TransferOutcomes {

    void confirmed(Transfer transfer);

    void failed(Transfer transfer);
}
