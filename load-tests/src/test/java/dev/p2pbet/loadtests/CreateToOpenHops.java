package dev.p2pbet.loadtests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an offer's create -> open time goes, hop by hop, from the timestamps the services and the provider wrote
 * themselves (one PostgreSQL server, so one clock): the bet's row, the gateway's escrow transfer, the provider's
 * transfer (accepted, settled), the gateway's confirmation and the bet's opening. A row's {@code now()} is its
 * transaction's start, so each hop also holds the tail of the transaction that wrote the previous timestamp.
 */
final class CreateToOpenHops {

    /** The hops, in order; {@code times} below has one more column than hops. */
    static final List<String> HOPS = List.of(
            "bet created -> escrow transfer at the gateway (bet-service's outbox relay, Kafka, gateway consumer)",
            "-> transfer accepted by the provider (the gateway's provider call)",
            "-> settled by the provider (its confirmation poller)",
            "-> confirmed at the gateway (the provider's webhook)",
            "-> bet open (the gateway's outbox relay, Kafka, bet-service's consumer)");

    record Hop(String name, Sql.Percentiles millis) {
    }

    /** The hops of the open bets of {@code game} created since {@code sinceEpochMs} (database clock). */
    static List<Hop> of(Sql bet, Sql gateway, Sql provider, String game, double sinceEpochMs) {
        Map<String, double[]> times = new HashMap<>();
        for (Object[] row : bet.rows("SELECT bet_id::text, extract(epoch FROM created_at) * 1000, "
                + "extract(epoch FROM updated_at) * 1000 FROM bets WHERE game_id = ? AND status = 'open' "
                + "AND created_at >= to_timestamp(? / 1000.0)", game, sinceEpochMs)) {
            double[] t = new double[HOPS.size() + 1];
            Arrays.fill(t, Double.NaN);
            t[0] = number(row[1]);
            t[5] = number(row[2]);
            times.put((String) row[0], t);
        }
        Map<String, double[]> byTransfer = new HashMap<>();
        for (Object[] row : gateway.rows("SELECT bet_id, transfer_id, extract(epoch FROM created_at) * 1000, "
                + "extract(epoch FROM settled_at) * 1000 FROM wallet_transactions WHERE type = 'escrow_in' "
                + "AND status = 'confirmed' AND created_at >= to_timestamp(? / 1000.0)", sinceEpochMs)) {
            double[] t = times.get((String) row[0]);
            if (t != null) {
                t[1] = number(row[2]);
                t[4] = number(row[3]);
                byTransfer.put((String) row[1], t);
            }
        }
        for (Object[] row : provider.rows("SELECT idempotency_key, extract(epoch FROM created_at) * 1000, "
                + "extract(epoch FROM settled_at) * 1000 FROM transfers WHERE status = 'confirmed' "
                + "AND created_at >= to_timestamp(? / 1000.0)", sinceEpochMs)) {
            double[] t = byTransfer.get((String) row[0]);
            if (t != null) {
                t[2] = number(row[1]);
                t[3] = number(row[2]);
            }
        }
        List<Hop> hops = new ArrayList<>();
        for (int hop = 0; hop < HOPS.size(); hop++) {
            int from = hop;
            double[] millis = times.values().stream().filter(t -> Arrays.stream(t).noneMatch(Double::isNaN))
                    .mapToDouble(t -> t[from + 1] - t[from]).sorted().toArray();
            hops.add(new Hop(HOPS.get(hop), Sql.Percentiles.ofSorted(millis)));
        }
        return hops;
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
