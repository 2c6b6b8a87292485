package dev.p2pbet.plumbing.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}) as problem+json, in place of Boot's JSON/HTML error: what fails
 * outside Spring MVC (a request the firewall or Tomcat rejects, a filter that throws) is answered like every other
 * refusal. The body is written as text with its content type set, so no {@code Accept} header can turn it into a
 * second error.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 && value <= 599 ? value : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail;
        if (status >= 500) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Unexpected error outside the handlers on {}", uri, failure instanceof Throwable t ? t : null);
            detail = "The request could not be completed. It has been logged.";
        } else {
            detail = "The request was refused before it reached the API.";
        }
        String reason = status >= 500 ? "INTERNAL_ERROR" : ProblemJson.reasonFor(status);
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .body(ProblemJson.body(status, reason, detail, uri == null ? null : uri.toString()));
    }
}
