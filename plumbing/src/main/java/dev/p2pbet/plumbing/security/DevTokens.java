package dev.p2pbet.plumbing.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Mints tokens of the local issuer for any user id: the local stack's stand-in for Cognito. */
public final class DevTokens {

    public static final String DEFAULT_ISSUER = "p2pbet-local";
    /** The app client the local tokens are issued to (Cognito's {@code client_id}). */
    public static final String DEFAULT_CLIENT_ID = "p2pbet-local-web";
    /** The key id ({@code kid}) of the local signing key. */
    public static final String DEFAULT_KEY_ID = "p2pbet-local-1";

    private DevTokens() {
    }

    public static String mint(String subject, String secret, String issuer, Duration lifetime) {
        return mint(subject, secret, issuer, lifetime, List.of());
    }

    /** A token whose user belongs to {@code groups} (Cognito's {@code cognito:groups}, e.g. ADMIN). */
    public static String mint(String subject, String secret, String issuer, Duration lifetime, List<String> groups) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(AccessTokenRules.TOKEN_USE, "access")
                .claim(AccessTokenRules.CLIENT_ID, DEFAULT_CLIENT_ID)
                .claim(CognitoGroups.CLAIM, groups)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(DEFAULT_KEY_ID).build(), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with this secret (it needs at least 32 bytes)", e);
        }
        return jwt.serialize();
    }
}
