package dev.p2pbet.walletsim.web;

/** The request attribute holding the authenticated API client's id; controllers read it with {@code @RequestAttribute}. */
public final class ApiClient {

    public static final String ATTRIBUTE = "dev.p2pbet.walletsim.apiClient";

    private ApiClient() {
    }
}
