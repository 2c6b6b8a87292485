package dev.p2pbet.systemtests.clients;

import dev.p2pbet.systemtests.support.HttpJson;
import dev.p2pbet.systemtests.support.SystemUnderTest;
import dev.p2pbet.systemtests.support.Waits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/** The bet API as the frontend calls it, each call as the user who makes it. */
public final class Bets {

    private static final Duration GAME_KNOWN = Duration.ofSeconds(30);
    private static final int PARALLEL_READS = 6;

    private final URI api;
    private final HttpJson viewer;

    public Bets(SystemUnderTest sut) {
        this.api = sut.api("/api/bets");
        this.viewer = HttpJson.bearer(sut.mintToken("system-tests-viewer"));
    }

    public record Offer(String gameId, Selection selection, long stakeMinor) {
    }

    /** POST /api/bets as {@code creator}; the raw answer (202 with the bet, or a refusal). */
    public HttpJson.Response offer(User creator, String gameId, Selection selection, long stakeMinor) {
        return offer(HttpJson.bearer(creator.token()), gameId, selection, stakeMinor);
    }

    public HttpJson.Response offer(HttpJson as, String gameId, Selection selection, long stakeMinor) {
        return as.post(uri("/api/bets"), new Offer(gameId, selection, stakeMinor));
    }

    /**
     * An offer that must be taken (202, escrow_pending). A game just scheduled reaches bet-service through
     * game.events a moment later; until then the offer is refused as UNKNOWN_GAME and is sent again.
     */
    public Bet offered(User creator, String gameId, Selection selection, long stakeMinor) {
        return offered(HttpJson.bearer(creator.token()), creator.id(), gameId, selection, stakeMinor);
    }

    /** {@link #offered(User, String, Selection, long)} with the request's own headers (a trace, ...). */
    public Bet offered(HttpJson as, String who, String gameId, Selection selection, long stakeMinor) {
        HttpJson.Response answer = Waits.until("bet-service to know game " + gameId, GAME_KNOWN,
                () -> offer(as, gameId, selection, stakeMinor),
                response -> !"UNKNOWN_GAME".equals(response.reason()), HttpJson.Response::text);
        return answer.expect(202, who + " offers a bet").as(Bet.class);
    }

    public HttpJson.Response accept(User acceptor, String betId) {
        return HttpJson.bearer(acceptor.token()).post(uri("/api/bets/" + betId + "/accept"), null);
    }

    public HttpJson.Response withdraw(User creator, String betId) {
        return HttpJson.bearer(creator.token()).post(uri("/api/bets/" + betId + "/withdraw"), null);
    }

    public Bet get(String betId) {
        return viewer.get(uri("/api/bets/" + betId)).expect(200, "get bet " + betId).as(Bet.class);
    }

    /** Waits until the bet is in one of {@code statuses}; fails early if it ends in another final status. */
    public Bet awaitStatus(String betId, Duration timeout, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        return Waits.until("bet " + betId + " to be " + Arrays.toString(statuses), timeout, () -> get(betId),
                bet -> {
                    if (!wanted.contains(bet.status()) && bet.isFinal()) {
                        throw new AssertionError("bet " + betId + " ended " + bet.brief() + ", expected "
                                + Arrays.toString(statuses));
                    }
                    return wanted.contains(bet.status());
                }, Bet::brief);
    }

    /**
     * Waits until every bet satisfies {@code done}; on time-out the failure lists each bet that did not, with
     * its status. Polls the bets still waiting only.
     */
    public Map<String, Bet> awaitAll(String what, Collection<String> betIds, Predicate<Bet> done, Duration timeout) {
        Map<String, Bet> latest = new LinkedHashMap<>();
        Waits.until(what + " (" + betIds.size() + " bets)", timeout, () -> {
            List<String> waiting = betIds.stream().filter(id -> !latest.containsKey(id) || !done.test(latest.get(id)))
                    .toList();
            readAll(waiting).forEach(bet -> latest.put(bet.betId(), bet));
            return latest;
        }, all -> all.values().stream().allMatch(done), all -> {
            var waiting = all.values().stream().filter(done.negate()).toList();
            StringBuilder text = new StringBuilder(waiting.size() + " of " + all.size() + " bets not there:");
            waiting.stream().limit(50).forEach(bet -> text.append("\n  ").append(bet.brief())
                    .append(" game ").append(bet.gameId()));
            if (waiting.size() > 50) {
                text.append("\n  ... and ").append(waiting.size() - 50).append(" more");
            }
            return text.toString();
        });
        return latest;
    }

    /** Reads the bets a few at a time side by side. */
    private List<Bet> readAll(List<String> betIds) {
        if (betIds.size() < 4) {
            return betIds.stream().map(this::get).toList();
        }
        try (ExecutorService readers = Executors.newFixedThreadPool(PARALLEL_READS)) {
            List<Future<Bet>> reads = betIds.stream().map(id -> readers.submit(() -> get(id))).toList();
            List<Bet> bets = new ArrayList<>();
            for (Future<Bet> read : reads) {
                bets.add(read.get());
            }
            return bets;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Map<String, Bet> awaitAllFinal(Collection<String> betIds, Duration timeout) {
        return awaitAll("every bet in a final status", betIds, Bet::isFinal, timeout);
    }

    private URI uri(String path) {
        return api.resolve(path);
    }
}
