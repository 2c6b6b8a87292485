package dev.p2pbet.localstack.entrypoint;

import java.util.List;
import java.util.Optional;

/**
 * The routes of the platform's API gateway, first match wins. The deployed ones are those of
 * {@code deploy/compose/nginx/templates/default.conf.template} and {@code deploy/k8s/base/ingress.yaml} (a test keeps
 * the three equal). Every service keeps its own paths: nothing is rewritten, so a curl against a service and
 * against the entry point use the same path.
 */
public final class PlatformRoutes {

    public static final String BET = "bet-service";
    public static final String WALLET_GATEWAY = "wallet-gateway-service";
    public static final String SETTLEMENT = "settlement-service";
    public static final String STATS = "stats-service";

    private static final List<Route> ROUTES = List.of(
            Route.prefix("/api/bets", BET),
            Route.prefix("/api/users", BET),
            Route.prefix("/api/wallets", WALLET_GATEWAY),
            Route.exact("/webhooks/wallet-provider", WALLET_GATEWAY),
            Route.exact("/hooks/cognito/post-confirmation", WALLET_GATEWAY),
            Route.prefix("/api/games", STATS),
            Route.prefix("/api/stats", STATS),
            // Operators' APIs, local only. Both admin APIs live under /api/admin: settlement's game view and audits
            // are matched before stats-service's game feed takes the rest of /api/admin/games.
            Route.exact("/api/admin/games/*/settlement", SETTLEMENT).localOnly(),
            Route.prefix("/api/admin/audits", SETTLEMENT).localOnly(),
            Route.prefix("/api/admin/games", STATS).localOnly());

    private PlatformRoutes() {
    }

    public static List<Route> all() {
        return ROUTES;
    }

    public static Optional<Route> find(List<Route> routes, String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }
}
