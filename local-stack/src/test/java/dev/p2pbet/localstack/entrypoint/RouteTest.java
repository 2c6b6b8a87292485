package dev.p2pbet.localstack.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void a_prefix_route_takes_its_path_and_every_path_below_it() {
        Route bets = Route.prefix("/api/bets", "bet-service");

        assertThat(bets.matches("/api/bets")).isTrue();
        assertThat(bets.matches("/api/bets/")).isTrue();
        assertThat(bets.matches("/api/bets/42/accept")).isTrue();
    }

    @Test
    void a_prefix_route_does_not_take_a_longer_segment() {
        assertThat(Route.prefix("/api/bets", "bet-service").matches("/api/betsy")).isFalse();
        assertThat(Route.prefix("/api/bets", "bet-service").matches("/api")).isFalse();
    }

    @Test
    void an_exact_route_takes_its_path_only() {
        Route hook = Route.exact("/hooks/cognito/post-confirmation", "wallet-gateway-service");

        assertThat(hook.matches("/hooks/cognito/post-confirmation")).isTrue();
        assertThat(hook.matches("/hooks/cognito/post-confirmation/x")).isFalse();
    }

    @Test
    void a_star_stands_for_one_segment() {
        Route settlement = Route.exact("/api/admin/games/*/settlement", "settlement-service");

        assertThat(settlement.matches("/api/admin/games/g-1/settlement")).isTrue();
        assertThat(settlement.matches("/api/admin/games/g-1/simulate")).isFalse();
    }

    @Test
    void settlement_admin_paths_go_to_settlement_and_the_rest_of_the_game_admin_api_to_stats() {
        assertThat(module("/api/admin/games/g-1/settlement")).isEqualTo("settlement-service");
        assertThat(module("/api/admin/audits")).isEqualTo("settlement-service");
        assertThat(module("/api/admin/audits/rerun")).isEqualTo("settlement-service");
        assertThat(module("/api/admin/games")).isEqualTo("stats-service");
        assertThat(module("/api/admin/games/g-1/simulate")).isEqualTo("stats-service");
        assertThat(module("/api/admin/games/g-1/cancel")).isEqualTo("stats-service");
    }

    @Test
    void every_public_api_goes_to_the_service_that_serves_it() {
        assertThat(module("/api/bets/stream")).isEqualTo("bet-service");
        assertThat(module("/api/users/me/bets")).isEqualTo("bet-service");
        assertThat(module("/api/wallets/me")).isEqualTo("wallet-gateway-service");
        assertThat(module("/webhooks/wallet-provider")).isEqualTo("wallet-gateway-service");
        assertThat(module("/api/games/g-1")).isEqualTo("stats-service");
        assertThat(module("/api/stats/leaderboard")).isEqualTo("stats-service");
        assertThat(PlatformRoutes.find(PlatformRoutes.all(), "/actuator/health")).isEmpty();
    }

    private static String module(String path) {
        return PlatformRoutes.find(PlatformRoutes.all(), path).orElseThrow().module();
    }
}
