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

    /** Key id of the local signing key: a local token naming another {@code kid} is refused. */
    private String devKeyId = DevTokens.DEFAULT_KEY_ID;

    /**
     * App clients whose access tokens we accept ({@code client_id} or {@code aud}): the Cognito app client ids in
     * production ({@code P2PBET_SECURITY_ALLOWEDCLIENTS}); empty locally means the local issuer's client.
     */
    private List<String> allowedClients = new ArrayList<>();

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

    public String getDevKeyId() {
        return devKeyId;
    }

    public void setDevKeyId(String devKeyId) {
        this.devKeyId = devKeyId;
    }

    public List<String> getAllowedClients() {
        return allowedClients;
    }

    public void setAllowedClients(List<String> allowedClients) {
        this.allowedClients = allowedClients;
    }

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }
}
