package dev.p2pbet.plumbing.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Boot's form-content filter (which reads PUT/PATCH/DELETE form bodies), whose unreadable body is a 400 problem+json
 * instead of an exception out of the filter chain (a 500 on the container's error page).
 */
public class ProblemFormContentFilter extends OrderedFormContentFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            super.doFilterInternal(request, response, chain);
        } catch (HttpMessageNotReadableException unreadable) {
            if (response.isCommitted()) {
                throw unreadable;
            }
            ProblemJson.write(response, HttpStatus.BAD_REQUEST.value(), "UNREADABLE_BODY",
                    "The form body cannot be read.", request.getRequestURI());
        }
    }
}
