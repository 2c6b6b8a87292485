package dev.p2pbet.systemtests.fuzz;

import dev.p2pbet.systemtests.support.SystemUnderTest;

/**
 * Every HTTP operation the platform exposes through its API entry point (the local-stack routes), with the service
 * that serves it; {@link #UNKNOWN_PATH} stands for the paths no one serves.
 */
enum Endpoint {

    OFFER("POST", "/api/bets", SystemUnderTest.BET_SERVICE),
    BET("GET", "/api/bets/{betId}", SystemUnderTest.BET_SERVICE),
    ACCEPT("POST", "/api/bets/{betId}/accept", SystemUnderTest.BET_SERVICE),
    WITHDRAW("POST", "/api/bets/{betId}/withdraw", SystemUnderTest.BET_SERVICE),
    LOBBY("GET", "/api/bets", SystemUnderTest.BET_SERVICE),
    MY_BETS("GET", "/api/users/me/bets", SystemUnderTest.BET_SERVICE),
    BET_STREAM("GET", "/api/bets/stream", SystemUnderTest.BET_SERVICE),
    WALLET("GET", "/api/wallets/me", SystemUnderTest.WALLET_GATEWAY),
    LINK_WALLET("PUT", "/api/wallets/me", SystemUnderTest.WALLET_GATEWAY),
    PROVIDER_WEBHOOK("POST", "/webhooks/wallet-provider", SystemUnderTest.WALLET_GATEWAY),
    COGNITO_HOOK("POST", "/hooks/cognito/post-confirmation", SystemUnderTest.WALLET_GATEWAY),
    GAMES("GET", "/api/games", SystemUnderTest.STATS),
    GAME("GET", "/api/games/{gameId}", SystemUnderTest.STATS),
    USER_STATS("GET", "/api/stats/users/{userId}", SystemUnderTest.STATS),
    LEADERBOARD("GET", "/api/stats/leaderboard", SystemUnderTest.STATS),
    SCHEDULE_GAME("POST", "/api/admin/games", SystemUnderTest.STATS),
    CANCEL_GAME("POST", "/api/admin/games/{gameId}/cancel", SystemUnderTest.STATS),
    POST_RESULT("POST", "/api/admin/games/{gameId}/result", SystemUnderTest.STATS),
    SIMULATE_GAME("POST", "/api/admin/games/{gameId}/simulate", SystemUnderTest.STATS),
    GAME_SETTLEMENT("GET", "/api/admin/games/{gameId}/settlement", SystemUnderTest.SETTLEMENT),
    AUDITS("GET", "/api/admin/audits", SystemUnderTest.SETTLEMENT),
    RERUN_AUDIT("POST", "/api/admin/audits/rerun", SystemUnderTest.SETTLEMENT),
    RESEND_TRANSFER("POST", "/api/admin/transfers/{transferId}/resend", SystemUnderTest.SETTLEMENT),
    UNKNOWN_PATH("GET", "/{unknown}", SystemUnderTest.BET_SERVICE);

    private final String method;
    private final String template;
    private final String module;

    Endpoint(String method, String template, String module) {
        this.method = method;
        this.template = template;
        this.module = module;
    }

    String method() {
        return method;
    }

    String template() {
        return template;
    }

    String module() {
        return module;
    }

    boolean hasBody() {
        return method.equals("POST") || method.equals("PUT");
    }

    String label() {
        return method + " " + template;
    }
}
