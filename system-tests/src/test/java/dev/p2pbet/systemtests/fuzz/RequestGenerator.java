package dev.p2pbet.systemtests.fuzz;

import static dev.p2pbet.systemtests.fuzz.Values.anyJson;
import static dev.p2pbet.systemtests.fuzz.Values.chance;
import static dev.p2pbet.systemtests.fuzz.Values.number;
import static dev.p2pbet.systemtests.fuzz.Values.object;
import static dev.p2pbet.systemtests.fuzz.Values.pick;
import static dev.p2pbet.systemtests.fuzz.Values.string;
import static dev.p2pbet.systemtests.fuzz.Values.text;
import static dev.p2pbet.systemtests.fuzz.Values.unknownId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Malformed and boundary requests, request {@code i} of seed {@code s} always the same whatever the concurrency:
 * wrong methods, odd content types and Accept headers, broken JSON, wrong JSON types, boundary numbers, unknown enums,
 * long and unicode text, ids that are not ids or name nothing, bad query parameters, missing, broken and other
 * users' tokens, through the entry point or straight to the service's own port.
 *
 * <p>Nothing generated may be accepted by a writing operation: a request that names a real object (the open offer,
 * the scheduled game) or carries real credentials that could change it always has a poison that the service must
 * refuse (a stake of zero, an unknown enum, a blank field, a body that is not JSON, another user's bet, ...). Any
 * success of an unsafe method is therefore a finding.
 */
final class RequestGenerator {

    private static final List<Endpoint> ENDPOINTS = List.of(Endpoint.values());
    private static final List<String> OTHER_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS", "TRACE", "FUZZ", "PROPFIND");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
            "application/json; charset=utf-16", "application/json; charset=bogus-charset",
            "application/json;charset=ISO-8859-1", "application/problem+json", "application/merge-patch+json", "*/*",
            "application/*", "garbage", ";;;", "application/json; boundary=\"", "text/html", "application/octet-stream",
            "application/vnd.api+json", "application/cbor", "application/x-ndjson", "application/json;;", "json");
    private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json", "*/*",
            "text/html", "application/xml", "text/event-stream", "image/png", "garbage", "application/json;q=0",
            ",,,", "text/*", "application/json, application/problem+json");
    private static final List<String> MASS_ASSIGNMENT = List.of("status", "creatorId", "acceptorId", "winnerId",
            "pendingAcceptorId", "ownerId", "userId", "betId", "paidMinor", "creatorRefundMinor", "balance_minor",
            "admin", "roles", "cognito:groups");
    private static final List<String> PLATFORM_ACCOUNTS = List.of("ESCROW_VAULT", "PLATFORM_OPS", "PLATFORM_REVENUE",
            "NETWORK_FEES");

    private enum Role { NONE, GARBAGE, TAMPERED, ALG_NONE, CREATOR, STRANGER, ADMIN, UNKNOWN_USER }

    private final long seed;
    private final FuzzFixtures fixtures;

    RequestGenerator(long seed, FuzzFixtures fixtures) {
        this.seed = seed;
        this.fixtures = fixtures;
    }

    FuzzRequest generate(long index) {
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        Endpoint endpoint = pick(random, ENDPOINTS);
        Draft draft = new Draft(random, endpoint);
        draft.role = role(random, endpoint);
        switch (endpoint) {
            case OFFER -> offer(draft);
            case BET -> draft.path = "/api/bets/" + Values.segment(chance(random, 0.2) ? fixtures.openBetId()
                    : unknownId(random));
            case ACCEPT -> accept(draft);
            case WITHDRAW -> withdraw(draft);
            case LOBBY -> lobby(draft);
            case MY_BETS -> page(draft, "limit", "cursor");
            case BET_STREAM -> stream(draft);
            case WALLET -> draft.path = endpoint.template();
            case LINK_WALLET -> linkWallet(draft);
            case PROVIDER_WEBHOOK -> webhook(draft);
            case COGNITO_HOOK -> cognitoHook(draft);
            case GAMES -> games(draft);
            case GAME -> draft.path = "/api/games/" + Values.segment(chance(random, 0.25) ? fixtures.gameId()
                    : unknownId(random));
            case USER_STATS -> draft.path = "/api/stats/users/" + Values.segment(chance(random, 0.25)
                    ? fixtures.creatorId() : unknownId(random));
            case LEADERBOARD -> leaderboard(draft);
            case SCHEDULE_GAME -> scheduleGame(draft);
            case CANCEL_GAME -> cancelGame(draft);
            case POST_RESULT -> postResult(draft);
            case SIMULATE_GAME -> simulate(draft);
            case GAME_SETTLEMENT -> draft.path = "/api/admin/games/" + Values.segment(chance(random, 0.25)
                    ? fixtures.gameId() : unknownId(random)) + "/settlement";
            case AUDITS -> draft.path = "/api/admin/audits" + (chance(random, 0.7) ? "?limit="
                    + Values.query(chance(random, 0.5) ? number(random) : text(random)) : "");
            case RERUN_AUDIT -> draft.path = endpoint.template();
            case RESEND_TRANSFER -> draft.path = "/api/admin/transfers/" + Values.segment(unknownId(random))
                    + "/resend";
            case UNKNOWN_PATH -> unknownPath(draft);
        }
        return draft.finish(index);
    }

    // ------------------------------------------------------------------------------------------ the endpoints

    private void offer(Draft draft) {
        SplittableRandom random = draft.random;
        boolean realGame = chance(random, 0.15);
        draft.path = "/api/bets";
        if (chance(random, 0.5)) {
            draft.header("Idempotency-Key", pick(random, List.of("", " ", "x".repeat(201), "x".repeat(200),
                    Values.uuid(random), "fuzz-" + Long.toHexString(random.nextLong()),
                    Values.ascii(random, 1 + random.nextInt(300)))));
        }
        Map<String, String> selection = selection(random);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("gameId", realGame ? string(fixtures.gameId()) : pick(random, List.of(
                string(unknownId(random)), string(Values.uuid(random)), anyJson(random))));
        body.put("selection", object(mutate(random, selection, 0.5)));
        body.put("stakeMinor", chance(random, 0.5) ? pick(random, List.of("1000", "100", "99", "1000000", "1000001"))
                : number(random));
        if (chance(random, 0.5)) {
            body.put("currency", chance(random, 0.5) ? "\"USD\"" : anyJson(random));
        }
        Map<String, String> mutated = mutate(random, body, 0.8);
        if (realGame && !mutated.containsKey("gameId")) {
            mutated.put("gameId", string(fixtures.gameId()));
        }
        if (realGame) {
            // the only game bets can be offered on: the body must break a rule refused before anything is written
            switch (random.nextInt(4)) {
                case 0 -> mutated.put("stakeMinor", pick(random, List.of("0", "-1", "-9223372036854775808", "null",
                        "\"abc\"", "{}", "[]", "9223372036854775808", "1E400", "-0", "0.0")));
                case 1 -> mutated.remove("stakeMinor");
                case 2 -> mutated.put("selection", pick(random, List.of("null", "\"GAME_WINNER\"", "[]",
                        "{\"type\":\"NOPE\",\"side\":\"HOME\"}", "{\"type\":\"GAME_WINNER\",\"side\":\"SIDEWAYS\"}",
                        "{\"side\":\"HOME\"}", "{\"type\":\"GAME_WINNER\"}")));
                default -> mutated.put("currency", pick(random, List.of("\"ZZZ\"", "\"EUR\"", "\"\"", "\"US\"")));
            }
        }
        draft.jsonBody(mutated, realGame);
    }

    private static Map<String, String> selection(SplittableRandom random) {
        Map<String, String> selection = new LinkedHashMap<>();
        switch (random.nextInt(3)) {
            case 0 -> {
                selection.put("type", "\"GAME_WINNER\"");
                selection.put("side", pick(random, List.of("\"HOME\"", "\"AWAY\"", "\"home\"")));
            }
            case 1 -> {
                selection.put("type", "\"TOTAL_POINTS\"");
                selection.put("side", pick(random, List.of("\"OVER\"", "\"UNDER\"")));
                selection.put("lineTenths", chance(random, 0.5) ? "2155" : number(random));
            }
            default -> {
                selection.put("type", "\"PLAYER_STAT\"");
                selection.put("side", "\"OVER\"");
                selection.put("lineTenths", chance(random, 0.5) ? "255" : number(random));
                selection.put("playerId", string(unknownId(random)));
                selection.put("stat", pick(random, List.of("\"POINTS\"", "\"THREES_MADE\"", "\"DUNKS\"", "\"points\"")));
            }
        }
        return selection;
    }

    private void accept(Draft draft) {
        // the creator cannot accept its own offer; anyone else with a valid token would, and a garbled header may
        // still carry one (a lower-case "bearer", a flipped bit the signature does not use): they get unknown ids
        boolean mayUseRealBet = draft.role == Role.CREATOR || draft.role == Role.NONE || draft.role == Role.ALG_NONE;
        String betId = mayUseRealBet && chance(draft.random, 0.3) ? fixtures.openBetId() : unknownId(draft.random);
        draft.path = "/api/bets/" + Values.segment(betId) + "/accept";
        draft.maybeGarbageBody();
    }

    private void withdraw(Draft draft) {
        // anyone but the creator may be pointed at the real offer: it is not theirs to withdraw
        String betId = draft.role != Role.CREATOR && chance(draft.random, 0.3) ? fixtures.openBetId()
                : unknownId(draft.random);
        draft.path = "/api/bets/" + Values.segment(betId) + "/withdraw";
        draft.maybeGarbageBody();
    }

    private void lobby(Draft draft) {
        SplittableRandom random = draft.random;
        List<String> query = new ArrayList<>();
        param(random, query, "status", List.of("open", "matched", "settled", "escrow_pending", "OPEN", "withdrawn"));
        param(random, query, "gameId", List.of(fixtures.gameId(), Values.uuid(random)));
        param(random, query, "type", List.of("GAME_WINNER", "total_points", "PLAYER_STAT"));
        param(random, query, "minStake", List.of("100", "0", "-1"));
        param(random, query, "maxStake", List.of("1000000", "50"));
        param(random, query, "limit", List.of("1", "100", "101", "0"));
        param(random, query, "cursor", List.of("eyJ0IjoxfQ", "bm9wZQ==", "%%%"));
        junkParams(random, query);
        draft.path = "/api/bets" + queryString(query);
    }

    private void page(Draft draft, String... names) {
        List<String> query = new ArrayList<>();
        for (String name : names) {
            param(draft.random, query, name, List.of("1", "20", "0", "-1", "101"));
        }
        junkParams(draft.random, query);
        draft.path = draft.endpoint.template() + queryString(query);
    }

    private void stream(Draft draft) {
        draft.path = "/api/bets/stream";
        if (chance(draft.random, 0.3)) {
            draft.header("Last-Event-ID", Values.ascii(draft.random, 1 + draft.random.nextInt(100)));
        }
        // a stream a user opens stays open for minutes (and a garbled header may still carry a valid token): always
        // ask for what it cannot give instead
        draft.forcedAccept = pick(draft.random, List.of("application/json", "application/xml", "text/html",
                "image/png"));
    }

    private void linkWallet(Draft draft) {
        SplittableRandom random = draft.random;
        boolean mayTakeCreatorWallet = draft.role != Role.CREATOR;
        String address = switch (random.nextInt(5)) {
            case 0 -> "fuzz-" + Long.toHexString(random.nextLong());
            case 1 -> pick(random, PLATFORM_ACCOUNTS);
            case 2 -> mayTakeCreatorWallet ? fixtures.creatorWallet() : "x";
            default -> text(random);
        };
        Map<String, String> body = new LinkedHashMap<>();
        body.put("address", chance(random, 0.8) ? string(address) : anyJson(random));
        draft.path = "/api/wallets/me";
        draft.jsonBody(mutate(random, body, 0.3), false);
    }

    private void webhook(Draft draft) {
        SplittableRandom random = draft.random;
        draft.path = "/webhooks/wallet-provider";
        if (chance(random, 0.8)) {
            long now = System.currentTimeMillis() / 1000;
            draft.header("X-Wallet-Timestamp", pick(random, List.of(Long.toString(now), Long.toString(now - 86_400),
                    "0", "-1", "99999999999999999999", "abc", "", Long.toString(now * 1000))));
        }
        if (chance(random, 0.8)) {
            draft.header("X-Wallet-Signature", pick(random, List.of("v1=" + "0".repeat(64), "v1=", "sha256=abc",
                    "", Values.ascii(random, 1 + random.nextInt(200)),
                    "v1=" + Base64.getEncoder().encodeToString(Values.ascii(random, 32).getBytes()))));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("idempotency_key", string("escrow-creator:" + unknownId(random)));
        data.put("transfer_id", string(Values.uuid(random)));
        data.put("status", pick(random, List.of("\"confirmed\"", "\"failed\"", "\"pending\"", anyJson(random))));
        data.put("amount_minor", number(random));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("id", string(Values.uuid(random)));
        body.put("type", pick(random, List.of("\"transfer.confirmed\"", "\"transfer.failed\"", anyJson(random))));
        body.put("data", object(mutate(random, data, 0.5)));
        draft.jsonBody(mutate(random, body, 0.5), false);
    }

    private void cognitoHook(Draft draft) {
        SplittableRandom random = draft.random;
        draft.path = "/hooks/cognito/post-confirmation";
        boolean realKey = chance(random, 0.4);
        if (realKey) {
            draft.header("X-Hook-Key", fixtures.hookKey());
        } else if (chance(random, 0.7)) {
            draft.header("X-Hook-Key", pick(random, List.of("", "x", fixtures.hookKey() + "x",
                    fixtures.hookKey().substring(1), Values.ascii(random, 1 + random.nextInt(100)))));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", string("fuzz-" + Long.toHexString(random.nextLong())));
        attributes.put("email", string(text(random)));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("version", "\"1\"");
        body.put("triggerSource", pick(random, List.of("\"PostConfirmation_ConfirmSignUp\"", anyJson(random))));
        body.put("userName", string(text(random)));
        body.put("request", object(Map.of("userAttributes", object(attributes))));
        body.put("response", "{}");
        Map<String, String> mutated = mutate(random, body, 0.6);
        if (realKey) {
            // with the real key a user with a sub would be signed up: there is never a usable sub
            String sub = pick(random, List.of("null", "5", "\"\"", "\"   \"", "{}", "[]", "true", "\"\\t\""));
            mutated.put("request", switch (random.nextInt(4)) {
                case 0 -> pick(random, List.of("null", "5", "\"x\"", "[]"));
                case 1 -> "{\"userAttributes\":{\"email\":\"a@b.c\"}}";
                default -> "{\"userAttributes\":{\"sub\":" + sub + "}}";
            });
        }
        draft.jsonBody(mutated, realKey);
    }

    private void games(Draft draft) {
        SplittableRandom random = draft.random;
        List<String> query = new ArrayList<>();
        param(random, query, "status", List.of("scheduled", "live", "final", "cancelled", "SCHEDULED"));
        param(random, query, "date", List.of("2026-11-25", "2026-02-30", "1900-01-01"));
        param(random, query, "from", List.of("2026-11-25", "+999999999-12-31"));
        param(random, query, "to", List.of("2026-11-26", "-999999999-01-01"));
        param(random, query, "page", List.of("0", "1", "-1", "2147483647"));
        param(random, query, "size", List.of("1", "20", "100", "0", "101", "2147483647"));
        junkParams(random, query);
        draft.path = "/api/games" + queryString(query);
    }

    private void leaderboard(Draft draft) {
        SplittableRandom random = draft.random;
        List<String> query = new ArrayList<>();
        param(random, query, "by", List.of("profit", "wins", "WINS", "roi"));
        param(random, query, "period", List.of("all", "week", "month", "year"));
        param(random, query, "page", List.of("0", "1", "-1", "2147483647"));
        param(random, query, "size", List.of("1", "20", "0", "1000"));
        junkParams(random, query);
        draft.path = "/api/stats/leaderboard" + queryString(query);
    }

    private void scheduleGame(Draft draft) {
        SplittableRandom random = draft.random;
        Map<String, String> player = new LinkedHashMap<>();
        player.put("playerId", string("fuzz-p-" + Long.toHexString(random.nextLong())));
        player.put("name", string(text(random)));
        player.put("team", pick(random, List.of("\"HOME\"", "\"AWAY\"", "\"home\"", anyJson(random))));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("gameId", string("fuzz-g-" + Long.toHexString(random.nextLong())));
        body.put("homeTeam", string(text(random)));
        body.put("awayTeam", string(text(random)));
        body.put("startsAt", pick(random, List.of("\"2030-01-01T00:00:00Z\"", string(text(random)), number(random))));
        body.put("roster", "[" + object(mutate(random, player, 0.5)) + "]");
        Map<String, String> mutated = mutate(random, body, 0.7);
        // a valid schedule would create a game: every one breaks a rule of shape
        switch (random.nextInt(6)) {
            case 0 -> mutated.put("roster", pick(random, List.of("[]", "null", "[null]", "{}", "\"x\"")));
            case 1 -> mutated.remove("roster");
            case 2 -> mutated.put(pick(random, List.of("homeTeam", "awayTeam")), pick(random,
                    List.of("\"\"", "\"   \"", "null")));
            case 3 -> mutated.put("startsAt", pick(random, List.of("\"not-a-date\"", "null", "\"2030-13-01T00:00:00Z\"",
                    "{}", "[]")));
            case 4 -> mutated.put("roster", "[{\"playerId\":\"p\",\"name\":\"n\",\"team\":\""
                    + pick(random, List.of("MIDDLE", "", "NEUTRAL")) + "\"}]");
            default -> mutated.put("gameId", string("g".repeat(101 + random.nextInt(1000))));
        }
        draft.path = "/api/admin/games";
        draft.jsonBody(mutated, true);
    }

    private void cancelGame(Draft draft) {
        SplittableRandom random = draft.random;
        boolean realGame = chance(random, 0.25);
        draft.path = "/api/admin/games/" + Values.segment(realGame ? fixtures.gameId() : unknownId(random)) + "/cancel";
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reason", chance(random, 0.6) ? string(text(random)) : anyJson(random));
        Map<String, String> mutated = mutate(random, body, 0.3);
        if (realGame) {
            // an empty body cancels too: the real game only ever gets a reason that cannot be read or is too long
            mutated.put("reason", pick(random, List.of(string("r".repeat(501 + random.nextInt(3000))), "{}", "[]",
                    "[1]", "{\"a\":1}")));
        }
        draft.jsonBody(mutated, realGame);
    }

    private void postResult(Draft draft) {
        SplittableRandom random = draft.random;
        boolean realGame = chance(random, 0.25);
        draft.path = "/api/admin/games/" + Values.segment(realGame ? fixtures.gameId() : unknownId(random)) + "/result";
        Map<String, String> line = new LinkedHashMap<>();
        line.put("playerId", realGame ? string(fixtures.playerId()) : string(unknownId(random)));
        line.put("played", pick(random, List.of("true", "false", anyJson(random))));
        line.put("points", number(random));
        line.put("rebounds", number(random));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("homeScore", number(random));
        body.put("awayScore", number(random));
        body.put("statLines", "[" + object(mutate(random, line, 0.5)) + "]");
        Map<String, String> mutated = mutate(random, body, 0.6);
        if (realGame) {
            switch (random.nextInt(4)) {
                case 0 -> mutated.remove(pick(random, List.of("homeScore", "awayScore", "statLines")));
                case 1 -> mutated.put(pick(random, List.of("homeScore", "awayScore")), pick(random,
                        List.of("null", "{}", "[]", "\"abc\"", "99999999999")));
                default -> mutated.put("statLines", pick(random, List.of("null", "[null]", "{}", "\"x\"", "5")));
            }
        }
        draft.jsonBody(mutated, realGame);
    }

    private void simulate(Draft draft) {
        SplittableRandom random = draft.random;
        // simulating the real game would finalize it: unknown ids only
        draft.path = "/api/admin/games/" + Values.segment(unknownId(random)) + "/simulate"
                + (chance(random, 0.6) ? "?seed=" + Values.query(chance(random, 0.6) ? number(random) : text(random))
                : "");
        draft.maybeGarbageBody();
    }

    private void unknownPath(Draft draft) {
        SplittableRandom random = draft.random;
        draft.method = pick(random, OTHER_METHODS);
        draft.path = pick(random, List.of("/", "/api", "/api/", "/api/bets/x/y/z", "/api/admin/nope",
                "/api/wallets/you", "/API/BETS", "/favicon.ico", "/actuator/env", "/actuator/heapdump",
                "/api/stats", "/api/stats/users", "/api/users", "/api/users/me", "/api/admin/audits/x",
                "/hooks/cognito", "/webhooks", "/api/games/x/y", "/" + Values.segment(text(random)),
                "/api/" + Values.segment(text(random)) + "/" + Values.segment(text(random))));
        draft.maybeGarbageBody();
    }

    // ------------------------------------------------------------------------------------------ building blocks

    private static void param(SplittableRandom random, List<String> query, String name, List<String> valid) {
        if (!chance(random, 0.5)) {
            return;
        }
        String value = switch (random.nextInt(4)) {
            case 0 -> pick(random, valid);
            case 1 -> number(random);
            default -> text(random);
        };
        query.add(name + "=" + Values.query(value));
        if (chance(random, 0.05)) {
            query.add(name + "=" + Values.query(text(random)));
        }
    }

    private static void junkParams(SplittableRandom random, List<String> query) {
        if (chance(random, 0.15)) {
            query.add(pick(random, List.of("x", "", "=", "a[]", "%E2%98%83", "page", "sort")) + "="
                    + Values.query(text(random)));
        }
        if (chance(random, 0.03)) {
            query.add("q=" + "y".repeat(random.nextInt(1000, 8000)));
        }
    }

    private static String queryString(List<String> query) {
        return query.isEmpty() ? "" : "?" + String.join("&", query);
    }

    /** 0 to 3 mutations of {@code fields} (raw JSON values) with probability {@code rate}. */
    private static Map<String, String> mutate(SplittableRandom random, Map<String, String> fields, double rate) {
        Map<String, String> mutated = new LinkedHashMap<>(fields);
        if (!chance(random, rate)) {
            return mutated;
        }
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            List<String> names = new ArrayList<>(mutated.keySet());
            String name = names.isEmpty() ? "x" : pick(random, names);
            switch (random.nextInt(7)) {
                case 0 -> mutated.remove(name);
                case 1 -> mutated.put(name, "null");
                case 2 -> mutated.put(pick(random, MASS_ASSIGNMENT), anyJson(random));
                case 3 -> mutated.put(name, number(random));
                case 4 -> mutated.put(name, string(text(random)));
                default -> mutated.put(name, anyJson(random));
            }
        }
        return mutated;
    }

    private Role role(SplittableRandom random, Endpoint endpoint) {
        int roll = random.nextInt(100);
        return switch (endpoint) {
            case SCHEDULE_GAME, CANCEL_GAME, POST_RESULT, SIMULATE_GAME, GAME_SETTLEMENT, AUDITS, RERUN_AUDIT,
                 RESEND_TRANSFER -> roll < 55 ? Role.ADMIN : roll < 70 ? Role.STRANGER : otherRole(random);
            case GAMES, GAME, PROVIDER_WEBHOOK, COGNITO_HOOK, UNKNOWN_PATH ->
                    roll < 50 ? Role.NONE : roll < 70 ? Role.STRANGER : roll < 80 ? Role.ADMIN : otherRole(random);
            default -> roll < 35 ? Role.STRANGER : roll < 50 ? Role.CREATOR : roll < 60 ? Role.UNKNOWN_USER
                    : roll < 70 ? Role.ADMIN : otherRole(random);
        };
    }

    private static Role otherRole(SplittableRandom random) {
        return pick(random, List.of(Role.NONE, Role.GARBAGE, Role.GARBAGE, Role.TAMPERED, Role.ALG_NONE));
    }

    private String authorization(SplittableRandom random, Role role) {
        return switch (role) {
            case NONE -> null;
            case CREATOR -> "Bearer " + fixtures.creatorToken();
            case STRANGER -> "Bearer " + fixtures.strangerToken();
            case ADMIN -> "Bearer " + fixtures.adminToken();
            case UNKNOWN_USER -> "Bearer " + fixtures.unknownUserToken();
            case TAMPERED -> "Bearer " + tampered(random, fixtures.strangerToken());
            case ALG_NONE -> "Bearer " + algNone(fixtures.creatorId());
            case GARBAGE -> pick(random, List.of("Bearer", "Bearer ", "Bearer abc", "Basic Zm9vOmJhcg==",
                    "bearer " + fixtures.strangerToken(), "Bearer " + fixtures.strangerToken() + " x",
                    "Bearer " + "a".repeat(10_000), "Bearer a.b.c", "Bearer ..", "Token " + fixtures.adminToken(),
                    "Bearer " + fixtures.strangerToken().substring(0, fixtures.strangerToken().lastIndexOf('.')),
                    Values.ascii(random, 1 + random.nextInt(200))));
        };
    }

    private static String tampered(SplittableRandom random, String token) {
        char[] chars = token.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static String algNone(String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"sub\":\"" + subject + "\",\"iss\":\"p2pbet-local\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 3600) + ",\"token_use\":\"access\",\"cognito:groups\":[\"admin\"]}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    /** One request being built; the draws made here follow those of the endpoint's own builder. */
    private final class Draft {

        final SplittableRandom random;
        final Endpoint endpoint;
        final List<Map.Entry<String, String>> headers = new ArrayList<>();
        Role role;
        String method;
        String path;
        byte[] body;
        boolean jsonBody;
        String forcedAccept;

        Draft(SplittableRandom random, Endpoint endpoint) {
            this.random = random;
            this.endpoint = endpoint;
            this.method = chance(random, 0.8) ? endpoint.method() : pick(random, OTHER_METHODS);
        }

        void header(String name, String value) {
            headers.add(Map.entry(name, value));
        }

        /**
         * The body: the JSON of {@code fields}, now and then written oddly, or something that is not it at all. A
         * {@code poisoned} body must stay refused however it is written, so it is never written as JSON that would
         * read as something else (a duplicate key, an empty body, a literal null).
         */
        void jsonBody(Map<String, String> fields, boolean poisoned) {
            String json = object(fields);
            jsonBody = true;
            if (chance(random, 0.3)) {
                body = garbage(json, poisoned);
                return;
            }
            String written = switch (random.nextInt(12)) {
                case 0 -> "\n\t " + json + "\n";
                case 1 -> "\uFEFF" + json;
                case 2 -> json + "}}";
                case 3 -> json.substring(0, json.length() - 1) + ",}";
                case 4 -> poisoned ? json : json.substring(0, json.length() - 1) + ",\"" + pick(random,
                        new ArrayList<>(fields.keySet().isEmpty() ? List.of("x") : fields.keySet())) + "\":"
                        + anyJson(random) + "}";
                default -> json;
            };
            body = written.getBytes(StandardCharsets.UTF_8);
        }

        void maybeGarbageBody() {
            if (chance(random, 0.4)) {
                body = garbage("{}", true);
            }
        }

        /** Bytes that are no valid body of any endpoint (never empty or a JSON null when {@code poisoned}). */
        private byte[] garbage(String json, boolean poisoned) {
            int kind = random.nextInt(poisoned ? 20 : 24);
            String text = switch (kind) {
                case 0 -> "{";
                case 1 -> "}";
                case 2 -> "{\"";
                case 3 -> "{\"a\":}";
                case 4 -> json.replace('"', '\'');
                case 5 -> json.replace("\"", "");
                case 6 -> "{\"a\":NaN}";
                case 7 -> "{\"a\":Infinity,}";
                case 8 -> "/* c */" + json;
                case 9 -> json.length() > 2 ? json.substring(0, 1 + random.nextInt(json.length() - 2)) : "{";
                case 10 -> Values.nested(500 + random.nextInt(5000));
                case 11 -> "{\"a\":" + "{\"a\":".repeat(1000 + random.nextInt(3000)) + "1" + "}".repeat(10);
                case 12 -> "{\"a\":" + "1".repeat(1001 + random.nextInt(20_000)) + "}";
                case 13 -> "{\"a\":\"" + "s".repeat(21_000_000 / 1000 * (1 + random.nextInt(20))) + "\"";
                case 14 -> "a=1&b=2&gameId=x";
                case 15 -> "<bet><stakeMinor>1000</stakeMinor></bet>";
                case 16 -> Values.ascii(random, 1 + random.nextInt(2000));
                case 17 -> "[" + json + "," + json + "]x";
                case 18 -> " ".repeat(1 + random.nextInt(chance(random, 0.02) ? 1_200_000 : 2000)) + "{";
                case 19 -> null;
                case 20 -> "";
                case 21 -> "null";
                case 22 -> "[]";
                default -> "[{}]";
            };
            if (text != null) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            byte[] bytes = new byte[1 + random.nextInt(2000)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            bytes[0] = (byte) 0xC3;
            bytes[bytes.length - 1] = (byte) 0xFF;
            return bytes;
        }

        FuzzRequest finish(long index) {
            String authorization = authorization(random, role);
            if (authorization != null) {
                header("Authorization", authorization);
            }
            if (body != null || chance(random, 0.1)) {
                header("Content-Type", jsonBody && chance(random, 0.7) ? "application/json"
                        : pick(random, CONTENT_TYPES));
            }
            if (forcedAccept != null) {
                header("Accept", forcedAccept);
            } else if (chance(random, 0.7)) {
                header("Accept", pick(random, ACCEPTS));
            }
            if (chance(random, 0.05)) {
                header(pick(random, List.of("Origin", "X-Forwarded-For", "Range", "If-None-Match", "Content-Encoding",
                        "Accept-Charset", "traceparent", "Idempotency-Key")), pick(random, List.of("http://evil.test",
                        "999.1.1.1, ::1", "bytes=0-1", "*", "gzip", "utf-16", "00-zz-zz-01", Values.ascii(random, 50))));
            }
            if (!endpoint.hasBody() && body == null && (method.equals("POST") || method.equals("PUT"))
                    && chance(random, 0.5)) {
                body = garbage("{}", true);
            }
            String finalPath = chance(random, 0.06) ? bentPath(path) : path;
            String target = chance(random, 0.25) ? endpoint.module() : FuzzRequest.ENTRY_POINT;
            return new FuzzRequest(index, endpoint, target, method, finalPath, List.copyOf(headers), body);
        }

        /** The same path, written so that a router or firewall might read it differently. */
        private String bentPath(String original) {
            int query = original.indexOf('?');
            String pathOnly = query < 0 ? original : original.substring(0, query);
            String rest = query < 0 ? "" : original.substring(query);
            String bent = switch (random.nextInt(9)) {
                case 0 -> pathOnly + "/";
                case 1 -> pathOnly.replaceFirst("/", "//");
                case 2 -> pathOnly.toUpperCase();
                case 3 -> pathOnly + "/" + Values.segment(text(random));
                case 4 -> pathOnly.replaceFirst("/api/", "/api/./");
                case 5 -> pathOnly + ";jsessionid=x";
                case 6 -> pathOnly + "%2F..";
                case 7 -> pathOnly + ".json";
                default -> pathOnly + "%00";
            };
            return bent + rest;
        }
    }
}
