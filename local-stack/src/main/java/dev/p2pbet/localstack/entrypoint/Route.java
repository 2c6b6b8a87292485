package dev.p2pbet.localstack.entrypoint;

import java.util.Arrays;
import java.util.List;

/**
 * One path rule of the entry point: {@code pattern} is a path of segments where {@code *} stands for any one segment;
 * a prefix route also takes every path below it ({@code /api/bets} takes {@code /api/bets/42/accept}, not
 * {@code /api/betsy}). {@code deployed} says whether the API gateway of docker-compose and Kubernetes has the same
 * route; the local-only ones are the operators' admin APIs, which stay inside the cluster there.
 */
public record Route(String pattern, String module, boolean exact, boolean deployed) {

    public Route {
        if (!pattern.startsWith("/") || pattern.endsWith("/")) {
            throw new IllegalArgumentException("A route is /a/path without a trailing slash: " + pattern);
        }
    }

    public static Route prefix(String pattern, String module) {
        return new Route(pattern, module, false, true);
    }

    public static Route exact(String pattern, String module) {
        return new Route(pattern, module, true, true);
    }

    /** A route of the local entry point only (the admin APIs; compose and Kubernetes do not expose them). */
    public Route localOnly() {
        return new Route(pattern, module, exact, false);
    }

    /** Whether {@code path} (no query string) is this route's. */
    public boolean matches(String path) {
        List<String> wanted = segments(pattern);
        List<String> given = segments(path);
        if (given.size() < wanted.size() || (exact && given.size() != wanted.size())) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!wanted.get(i).equals("*") && !wanted.get(i).equals(given.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
