package dev.p2pbet.plumbing.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless JWT resource server for every service: the user is the token's {@code sub}.
 * Health, info and metrics are open (probes and Prometheus); {@code /api/admin/**} needs the admin group;
 * everything else needs a token.
 * Besides signature, issuer and lifetime, every token must pass {@link AccessTokenRules} (access token, our app
 * client, a subject, an expiry): Boot's Cognito decoder picks the rule up as an additional validator, the local
 * decoder applies it itself. Unsigned ({@code alg=none}) tokens and tokens naming an unknown key id are refused by
 * the decoders.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@EnableWebSecurity
@EnableMethodSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlumbingSecurityProperties.class)
public class JwtSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtSecurityAutoConfiguration.class);
    /** Every service's operator API; the controllers also say {@code hasRole('ADMIN')}. */
    static final String ADMIN_PATHS = "/api/admin/**";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, PlumbingSecurityProperties properties) throws Exception {
        ProblemJsonSecurityHandler problems = new ProblemJsonSecurityHandler();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                            "/actuator/prometheus", "/error").permitAll();
                    if (!properties.getPublicPaths().isEmpty()) {
                        requests.requestMatchers(properties.getPublicPaths().toArray(String[]::new)).permitAll();
                    }
                    // Before the controller: a non-admin is refused before its body is even validated.
                    requests.requestMatchers(ADMIN_PATHS).hasRole("ADMIN");
                    requests.anyRequest().authenticated();
                })
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(cognitoGroupsAsRoles()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    private static JwtAuthenticationConverter cognitoGroupsAsRoles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new CognitoGroups());
        return converter;
    }

    /** Added by Boot to the decoder it builds from {@code spring.security.oauth2.resourceserver.jwt.*} (Cognito). */
    @Bean
    @ConditionalOnMissingBean(AccessTokenRules.class)
    AccessTokenRules accessTokenRules(PlumbingSecurityProperties properties) {
        if (properties.getAllowedClients().isEmpty() && properties.getDevSigningSecret().isEmpty()) {
            log.warn("No p2pbet.security.allowed-clients (P2PBET_SECURITY_ALLOWEDCLIENTS): tokens of any app client "
                    + "of the issuer are accepted");
        }
        return new AccessTokenRules(properties.getAllowedClients());
    }

    /**
     * The local issuer's decoder: HS256 with one key of a known key id (a token naming another {@code kid} finds no
     * key), the local issuer, and the access-token rules with the local app client unless others are configured.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnExpression("!'${p2pbet.security.dev-signing-secret:}'.isEmpty()")
    JwtDecoder devJwtDecoder(PlumbingSecurityProperties properties) {
        OctetSequenceKey key = new OctetSequenceKey.Builder(
                properties.getDevSigningSecret().getBytes(StandardCharsets.UTF_8))
                .keyID(properties.getDevKeyId())
                .algorithm(JWSAlgorithm.HS256)
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256,
                new ImmutableJWKSet<>(new JWKSet(key))));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // Spring's validators below check the claims.
        });
        List<String> clients = properties.getAllowedClients().isEmpty()
                ? List.of(DevTokens.DEFAULT_CLIENT_ID) : properties.getAllowedClients();
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.getDevIssuer()),
                (OAuth2TokenValidator<Jwt>) new AccessTokenRules(clients)));
        return decoder;
    }
}
