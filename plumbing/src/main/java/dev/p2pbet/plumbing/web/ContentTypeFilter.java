package dev.p2pbet.plumbing.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body cannot be of a wildcard type ({@code Content-Type: *&#47;*}, {@code application/*}): Spring MVC
 * fails on such a header with an IllegalArgumentException (a 500). Refused here as 415 problem+json. Headers that do
 * not parse at all are left to Spring MVC, which answers 415 itself.
 */
public class ContentTypeFilter extends OncePerRequestFilter implements Ordered {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getContentType();
        if (header != null && isWildcard(header)) {
            ProblemJson.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), "UNSUPPORTED_MEDIA_TYPE",
                    "A request body has a concrete media type, not " + ProblemJson.escape(header) + ".",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
