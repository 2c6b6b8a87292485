package dev.p2pbet.plumbing.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error report (a request it refuses before any servlet sees it: headers too large, a URI it cannot
 * decode or normalize, a method it does not allow) as problem+json instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                String detail = status >= 500 ? "The request could not be completed. It has been logged."
                        : "The request was refused by the web server.";
                writer.write(ProblemJson.body(status, status >= 500 ? "INTERNAL_ERROR" : ProblemJson.reasonFor(status),
                        detail, null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written any more: nothing left to tell
        }
    }
}
