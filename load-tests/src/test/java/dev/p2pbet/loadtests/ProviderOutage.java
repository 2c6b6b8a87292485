package dev.p2pbet.loadtests;

import java.time.Duration;
import java.util.List;

/**
 * Offers made while the provider refuses every transfer, the provider kept down until the reconciler has had their
 * escrows due for a while, then the provider back: how long until every offer is open, and how fast the escrows the
 * outage left {@code requested} are taken up.
 *
 * <p>Each offer's escrow command is stored at the gateway and its call fails (503, then the circuit opens and calls
 * fail at once), so the transfer stays requested; nothing retries it but the gateway's reconciler, which takes a
 * transfer up once it has been requested for {@code requested-after}. The outage lasts until the last escrow has
 * been due for {@link #DUE_DURING_THE_OUTAGE}, as a real one does that outlasts the reconciler's patience: what the
 * reconciler does with a backlog it cannot move decides how soon it moves it once it can (docs/benchmarks.md, item
 * 22). Setup only, through the API; nothing here is timed by the client: the figures are the services' own
 * timestamps (one PostgreSQL server, one clock).
 */
final class ProviderOutage {

    /** How long the last escrow has been due to the reconciler when the provider answers again. */
    static final Duration DUE_DURING_THE_OUTAGE = Duration.ofSeconds(5);

    /**
     * @param offers              offers made during the outage
     * @param open                of them open at the end (every one, or the recovery lost some)
     * @param madeSeconds         how long making them took
     * @param outageSeconds       how long the provider refused transfers
     * @param liftedToOpenMs      the provider answering again -> each of them open
     * @param lastOpenSeconds     the provider answering again -> the last of them open
     */
    record Result(int offers, long open, double madeSeconds, double outageSeconds, Sql.Percentiles liftedToOpenMs,
                  double lastOpenSeconds) {
    }

    private final PlatformApi api;
    private final Users users;
    private final Sql bet;
    private final Sql gateway;
    private final Duration requestedAfter;

    ProviderOutage(PlatformApi api, Users users, Sql bet, Sql gateway, Duration requestedAfter) {
        this.api = api;
        this.users = users;
        this.bet = bet;
        this.gateway = gateway;
        this.requestedAfter = requestedAfter;
    }

    Result run(String game, int offers, Duration patience) {
        double liftedMs;
        double madeSeconds;
        String[] betIds;
        api.refuseProviderTransfers();
        long began = System.nanoTime();
        try {
            List<String> made = PlatformApi.inParallel(offers, 16, i -> api.offer(users.creator(i), game,
                    PlatformApi.newKey()).expect(202).path("betId").asString());
            madeSeconds = (System.nanoTime() - began) / 1e9;
            betIds = made.toArray(String[]::new);
            Waits.until("every escrow of the outage stored at the gateway", patience, () -> gateway.count(
                    "SELECT count(*) FROM wallet_transactions WHERE bet_id = ANY(?) AND status = 'requested'",
                    (Object) betIds) == offers);
            // a moment of the outage, not a condition: the provider stays down past the reconciler's patience
            Waits.sleep(requestedAfter.plus(DUE_DURING_THE_OUTAGE));
        } finally {
            liftedMs = bet.number("SELECT extract(epoch FROM clock_timestamp()) * 1000");
            api.providerWithoutFaults();
        }
        double outageSeconds = (System.nanoTime() - began) / 1e9;
        Waits.until("every offer made during the outage open", patience, () -> open(game, betIds) == offers);
        Double lastOpenMs = bet.number("SELECT extract(epoch FROM max(updated_at)) * 1000 FROM bets "
                + "WHERE game_id = ? AND bet_id::text = ANY(?)", game, betIds);
        Sql.Percentiles liftedToOpenMs = bet.percentiles("extract(epoch FROM updated_at) * 1000 - ?",
                "FROM bets WHERE game_id = ? AND status = 'open' AND bet_id::text = ANY(?)", liftedMs, game, betIds);
        return new Result(offers, open(game, betIds), madeSeconds, outageSeconds, liftedToOpenMs,
                lastOpenMs == null ? Double.NaN : (lastOpenMs - liftedMs) / 1000);
    }

    private long open(String game, String[] betIds) {
        return bet.count("SELECT count(*) FROM bets WHERE game_id = ? AND status = 'open' AND bet_id::text = ANY(?)",
                game, betIds);
    }
}
