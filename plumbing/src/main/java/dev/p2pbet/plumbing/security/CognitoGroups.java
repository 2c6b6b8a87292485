package dev.p2pbet.plumbing.security;

import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Roles come from the user's Cognito groups: group {@code admin} grants {@code ROLE_ADMIN}, so
 * endpoints say {@code hasRole('ADMIN')} whatever issued the token.
 */
public final class CognitoGroups implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String CLAIM = "cognito:groups";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<String> groups = jwt.hasClaim(CLAIM) ? jwt.getClaimAsStringList(CLAIM) : List.of();
        return groups.stream()
                .<GrantedAuthority>map(group -> new SimpleGrantedAuthority("ROLE_" + group.toUpperCase(java.util.Locale.ROOT)))
                .toList();
    }
}
