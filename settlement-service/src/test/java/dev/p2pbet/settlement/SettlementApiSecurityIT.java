package dev.p2pbet.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OWASP API1/API5 on settlement-service: its whole API is the operator's ({@code /api/admin/**}); a signed-in user
 * outside the admin group gets 403 problem+json on every endpoint and moves nothing; an admin is let in.
 */
class SettlementApiSecurityIT extends SettlementIT {

    private static final List<String> NOT_ADMIN = List.of();
    private static final List<String> OTHER_GROUPS = List.of("players", "support");

    @Test
    void every_admin_endpoint_refuses_a_user_who_is_not_an_admin() {
        String game = aGame();
        List<String[]> endpoints = List.of(
                new String[] {"GET", "/api/admin/games/" + game + "/settlement"},
                new String[] {"GET", "/api/admin/audits"},
                new String[] {"POST", "/api/admin/audits/rerun"},
                new String[] {"POST", "/api/admin/transfers/" + aBetId() + ":payout/resend"});

        for (List<String> groups : List.of(NOT_ADMIN, OTHER_GROUPS)) {
            for (String[] endpoint : endpoints) {
                HttpResponse<String> response = admin(endpoint[0], endpoint[1], groups);

                assertThat(response.statusCode()).as(endpoint[0] + " " + endpoint[1] + " as " + groups + ": "
                        + response.body()).isEqualTo(403);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
    }

    @Test
    void an_admin_is_let_in() {
        HttpResponse<String> audits = admin("GET", "/api/admin/audits", List.of("admin"));

        assertThat(audits.statusCode()).as(audits.body()).isEqualTo(200);
    }
}
