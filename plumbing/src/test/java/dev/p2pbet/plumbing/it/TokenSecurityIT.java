package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.p2pbet.plumbing.security.AccessTokenRules;
import dev.p2pbet.plumbing.security.CognitoGroups;
import dev.p2pbet.plumbing.security.DevTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API2 (broken authentication): a token counts only when it is signed with our key, by our issuer, for our
 * app client, as an access token, and still valid. Every other token is a 401 problem+json, whatever it claims.
 */
@PlumbingIntegrationTest
class TokenSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${p2pbet.security.dev-signing-secret}")
    String secret;

    @Test
    void accepts_a_well_formed_access_token_of_the_local_issuer() throws Exception {
        HttpResponse<String> response = whoami(signed(aToken().build(), DevTokens.DEFAULT_KEY_ID, secret));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("alice");
    }

    @Test
    void accepts_the_tokens_dev_tokens_mints() throws Exception {
        String token = DevTokens.mint("alice", secret, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5));

        assertThat(whoami(token).statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_an_unsigned_token_with_alg_none() throws Exception {
        String unsigned = new PlainJWT(aToken().build()).serialize();

        assertRefused(whoami(unsigned));
    }

    @Test
    void refuses_an_expired_token() throws Exception {
        JWTClaimsSet expired = aToken().issueTime(at(-600)).expirationTime(at(-300)).build();

        assertRefused(whoami(signed(expired, DevTokens.DEFAULT_KEY_ID, secret)));
    }

    @Test
    void refuses_a_token_without_an_expiry() throws Exception {
        JWTClaimsSet forever = aToken().expirationTime(null).build();

        assertRefused(whoami(signed(forever, DevTokens.DEFAULT_KEY_ID, secret)));
    }

    @Test
    void refuses_a_token_of_another_issuer() throws Exception {
        JWTClaimsSet foreign = aToken().issuer("https://evil.example").build();

        assertRefused(whoami(signed(foreign, DevTokens.DEFAULT_KEY_ID, secret)));
    }

    @Test
    void refuses_a_token_issued_to_another_app_client() throws Exception {
        JWTClaimsSet otherClient = aToken().claim(AccessTokenRules.CLIENT_ID, "someone-elses-app").build();

        assertRefused(whoami(signed(otherClient, DevTokens.DEFAULT_KEY_ID, secret)));
    }

    @Test
    void refuses_a_token_for_another_audience() throws Exception {
        JWTClaimsSet otherAudience = aToken().claim(AccessTokenRules.CLIENT_ID, null).audience("another-api").build();

        assertRefused(whoami(signed(otherAudience, DevTokens.DEFAULT_KEY_ID, secret)));
    }

    @Test
    void refuses_an_id_token_in_place_of_an_access_token() throws Exception {
        JWTClaimsSet idToken = aToken().claim(AccessTokenRules.TOKEN_USE, "id").build();

        assertRefused(whoami(signed(idToken, DevTokens.DEFAULT_KEY_ID, secret)));
    }

    @Test
    void refuses_a_token_without_token_use() throws Exception {
        JWTClaimsSet noUse = aToken().claim(AccessTokenRules.TOKEN_USE, null).build();

        assertRefused(whoami(signed(noUse, DevTokens.DEFAULT_KEY_ID, secret)));
    }

    @Test
    void refuses_a_token_naming_an_unknown_key_id_even_when_signed_with_the_right_key() throws Exception {
        assertRefused(whoami(signed(aToken().build(), "retired-key-0", secret)));
    }

    @Test
    void refuses_a_token_signed_with_another_key() throws Exception {
        assertRefused(whoami(signed(aToken().build(), DevTokens.DEFAULT_KEY_ID,
                "another-secret-of-at-least-32-bytes-0123456789")));
    }

    @Test
    void refuses_a_token_whose_claims_were_changed_after_signing() throws Exception {
        String genuine = signed(aToken().build(), DevTokens.DEFAULT_KEY_ID, secret);
        String[] parts = genuine.split("\\.");
        String escalated = Base64.getUrlEncoder().withoutPadding().encodeToString(
                aToken().subject("bob").claim(CognitoGroups.CLAIM, List.of("admin")).build().toString()
                        .getBytes(StandardCharsets.UTF_8));

        assertRefused(whoami(parts[0] + "." + escalated + "." + parts[2]));
    }

    @Test
    void refuses_a_token_whose_signature_was_altered() throws Exception {
        String genuine = signed(aToken().build(), DevTokens.DEFAULT_KEY_ID, secret);
        char last = genuine.charAt(genuine.length() - 2);
        String tampered = genuine.substring(0, genuine.length() - 2) + (last == 'A' ? 'B' : 'A')
                + genuine.charAt(genuine.length() - 1);

        assertRefused(whoami(tampered));
    }

    @Test
    void refuses_garbage_in_the_authorization_header() throws Exception {
        assertRefused(whoami("not-a-jwt"));
        assertRefused(whoami("a.b.c"));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"reason\":\"UNAUTHENTICATED\"");
    }

    /** A token as the local issuer mints it for alice; each test changes one thing. */
    private static JWTClaimsSet.Builder aToken() {
        return new JWTClaimsSet.Builder()
                .subject("alice")
                .issuer(DevTokens.DEFAULT_ISSUER)
                .issueTime(at(0))
                .expirationTime(at(300))
                .jwtID(UUID.randomUUID().toString())
                .claim(AccessTokenRules.TOKEN_USE, "access")
                .claim(AccessTokenRules.CLIENT_ID, DevTokens.DEFAULT_CLIENT_ID);
    }

    private static Date at(long secondsFromNow) {
        return Date.from(Instant.now().plusSeconds(secondsFromNow));
    }

    private static String signed(JWTClaimsSet claims, String keyId, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private HttpResponse<String> whoami(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/whoami"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
