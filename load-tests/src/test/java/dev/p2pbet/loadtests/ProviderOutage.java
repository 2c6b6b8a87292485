package dev.p2pbet.loadtests;

import java.time.Duration;
import java.util.List;

/**
 * Offers made while the provider refuses every transfer, then the provider back: how long until every offer is open,
 * and how fast the escrows the outage left {@code requested} are confirmed.
 *
 * <p>Each offer's escrow command is stored at the gateway and its call fails (503, then the circuit opens and calls
 * fail at once), so the transfer stays requested; nothing retries it but the gateway's reconciler, which takes a
 * transfer up once it has been requested for {@code requested-after} (30 s). The escrows therefore come due at the
 * pace the offers were made, and the figures say how fast the reconciler follows: it drove them one after another,
 * at most 50 a run every 2 s, before it handed them over to the provider call threads (docs/benchmarks.md, item 22).
 * Setup only, through the API; nothing here is timed by the client: the figures are the services' own timestamps
 * (one PostgreSQL server, one clock).
 */
final class ProviderOutage {

    /**
     * @param offers              offers made during the outage
     * @param open                of them open at the end (every one, or the recovery lost some)
     * @param madeSeconds         how long making them took (the pace their escrows come due at)
     * @param liftedToOpenSeconds the provider answering again -> the last of them open
     * @param confirmedPerSecond  their escrows confirmed per second, from the first confirmation to the last
     */
    record Result(int offers, long open, double madeSeconds, double liftedToOpenSeconds, double confirmedPerSecond) {
    }

    private final PlatformApi api;
    private final Users users;
    private final Sql bet;
    private final Sql gateway;

    ProviderOutage(PlatformApi api, Users users, Sql bet, Sql gateway) {
        this.api = api;
        this.users = users;
        this.bet = bet;
        this.gateway = gateway;
    }

    Result run(String game, int offers, Duration patience) {
        double liftedMs;
        double madeSeconds;
        String[] betIds;
        api.refuseProviderTransfers();
        try {
            long began = System.nanoTime();
            List<String> made = PlatformApi.inParallel(offers, 16, i -> api.offer(users.creator(i), game,
                    PlatformApi.newKey()).expect(202).path("betId").asString());
            madeSeconds = (System.nanoTime() - began) / 1e9;
            betIds = made.toArray(String[]::new);
            Waits.until("every escrow of the outage stored at the gateway", patience, () -> gateway.count(
                    "SELECT count(*) FROM wallet_transactions WHERE bet_id = ANY(?) AND status = 'requested'",
                    (Object) betIds) == offers);
            // the commands' calls give up within a second (retries of the first ones, then the open circuit), so
            // none of the escrows is confirmed by its command's own call once the provider is back
            Waits.sleep(Duration.ofSeconds(2));
        } finally {
            liftedMs = bet.number("SELECT extract(epoch FROM clock_timestamp()) * 1000");
            api.providerWithoutFaults();
        }
        Waits.until("every offer made during the outage open", patience, () -> bet.count(
                "SELECT count(*) FROM bets WHERE game_id = ? AND status = 'open' AND bet_id::text = ANY(?)", game,
                betIds) == offers);
        long open = bet.count("SELECT count(*) FROM bets WHERE game_id = ? AND status = 'open' AND bet_id::text = ANY(?)",
                game, betIds);
        Double lastOpenMs = bet.number("SELECT extract(epoch FROM max(updated_at)) * 1000 FROM bets "
                + "WHERE game_id = ? AND bet_id::text = ANY(?)", game, betIds);
        Double confirmSpanMs = gateway.number("SELECT extract(epoch FROM max(settled_at) - min(settled_at)) * 1000 "
                + "FROM wallet_transactions WHERE bet_id = ANY(?) AND status = 'confirmed'", (Object) betIds);
        return new Result(offers, open, madeSeconds, lastOpenMs == null ? Double.NaN : (lastOpenMs - liftedMs) / 1000,
                confirmSpanMs == null || confirmSpanMs <= 0 ? Double.NaN : offers * 1000 / confirmSpanMs);
    }
}
