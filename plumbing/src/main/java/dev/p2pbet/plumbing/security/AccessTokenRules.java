package dev.p2pbet.plumbing.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a token must say besides a good signature, issuer and lifetime: it is an access token ({@code token_use}
 * {@code access}, so a Cognito ID token is refused), it names a user ({@code sub}), it expires ({@code exp}: a token
 * without one would be valid forever), and it was issued to one of our app clients (Cognito's {@code client_id}, or
 * {@code aud} for issuers that use it). An empty client list skips the client check (logged at start-up).
 */
public final class AccessTokenRules implements OAuth2TokenValidator<Jwt> {

    public static final String TOKEN_USE = "token_use";
    public static final String CLIENT_ID = "client_id";

    private final Set<String> allowedClients;

    public AccessTokenRules(Collection<String> allowedClients) {
        this.allowedClients = Set.copyOf(allowedClients);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        if (!"access".equals(jwt.getClaimAsString(TOKEN_USE))) {
            return refused("token_use is not access");
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            return refused("the token names no subject");
        }
        if (jwt.getExpiresAt() == null) {
            return refused("the token never expires");
        }
        if (!allowedClients.isEmpty() && !issuedToAnAllowedClient(jwt)) {
            return refused("the token was issued to another client");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private boolean issuedToAnAllowedClient(Jwt jwt) {
        String clientId = jwt.getClaimAsString(CLIENT_ID);
        if (clientId != null) {
            return allowedClients.contains(clientId);
        }
        List<String> audience = jwt.getAudience();
        return audience != null && audience.stream().anyMatch(allowedClients::contains);
    }

    private static OAuth2TokenValidatorResult refused(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
    }
}
