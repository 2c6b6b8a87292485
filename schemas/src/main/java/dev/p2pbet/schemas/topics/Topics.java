package dev.p2pbet.schemas.topics;

/**
 * The name of every topic, so that services never spell one out. Each constant is declared in
 * {@code topic-catalogue.yaml} (partitions, retention, value schema...), and a test keeps the two in step.
 */
public final class Topics {

    /** Bet life cycle; key bet_id; value {@code dev.p2pbet.schemas.bet.BetEvent}. */
    public static final String BET_EVENTS = "bet.events";

    /** One provider transfer per command; key transfer_id; value {@code dev.p2pbet.schemas.wallet.TransferCommand}. */
    public static final String WALLET_TRANSFER_COMMANDS = "wallet.transfer-commands";

    /** Outcome of each transfer; key transfer_id; value {@code dev.p2pbet.schemas.wallet.TransferEvent}. */
    public static final String WALLET_TRANSFER_EVENTS = "wallet.transfer-events";

    /** Liquidity audit asks for the vault balance; key request_id; value {@code dev.p2pbet.schemas.wallet.VaultBalanceRequested}. */
    public static final String WALLET_VAULT_BALANCE_REQUESTS = "wallet.vault-balance-requests";

    /** The vault balance answering a request; key request_id; value {@code dev.p2pbet.schemas.wallet.VaultBalanceReported}. */
    public static final String WALLET_VAULT_BALANCE_REPORTS = "wallet.vault-balance-reports";

    /** Games scheduled, started, finalized, cancelled; key game_id; value {@code dev.p2pbet.schemas.game.GameEvent}. */
    public static final String GAME_EVENTS = "game.events";

    /** Settlements, refunds and liquidity audits; key bet_id or audit_id; value {@code dev.p2pbet.schemas.settlement.SettlementEvent}. */
    public static final String SETTLEMENT_EVENTS = "settlement.events";

    private Topics() {
    }
}
