package dev.p2pbet.plumbing.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * JWT settings under {@code p2pbet.security}. Production validates Cognito tokens through
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}; the local stack and tests set
 * {@code dev-signing-secret} instead and mint tokens with {@link DevTokens}.
 */
@ConfigurationProperties("p2pbet.security")
public class PlumbingSecurityProperties {

    /** HMAC-SHA256 secret (at least 32 bytes) of the local issuer; empty in production. */
    private String devSigningSecret = "";

    /** Issuer the local tokens carry and must carry. */
    private String devIssuer = DevTokens.DEFAULT_ISSUER;

    /** Paths anyone may call (Ant patterns), besides health, info and metrics. */
    private List<String> publicPaths = new ArrayList<>();

    public String getDevSigningSecret() {
        return devSigningSecret;
    }

    public void setDevSigningSecret(String devSigningSecret) {
        this.devSigningSecret = devSigningSecret;
    }

    public String getDevIssuer() {
        return devIssuer;
    }

    public void setDevIssuer(String devIssuer) {
        this.devIssuer = devIssuer;
    }

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }
}
