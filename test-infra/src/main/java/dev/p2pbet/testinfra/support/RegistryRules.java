package dev.p2pbet.testinfra.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain-HTTP helpers for an Apicurio Registry 2.x (core API {@code /apis/registry/v2}). */
public final class RegistryRules {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RegistryRules() {
    }

    /**
     * Sets the registry-wide COMPATIBILITY rule (e.g. {@code BACKWARD}): POST {@code /admin/rules}, or PUT
     * {@code /admin/rules/COMPATIBILITY} when the rule exists already.
     */
    public static void setGlobalCompatibility(String registryApiUrl, String level) {
        String body = "{\"type\":\"COMPATIBILITY\",\"config\":\"" + level + "\"}";
        int status = send("POST", registryApiUrl + "/admin/rules", body);
        if (status == 409) {
            status = send("PUT", registryApiUrl + "/admin/rules/COMPATIBILITY", body);
        }
        if (status / 100 != 2) {
            throw new IllegalStateException("Setting the global COMPATIBILITY rule to " + level + " at "
                    + registryApiUrl + " answered HTTP " + status);
        }
    }

    /** Whether {@code url} answers HTTP 200 right now. */
    public static boolean answers200(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int send(String method, String url, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + url, e);
        }
    }
}
