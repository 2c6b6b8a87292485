package dev.p2pbet.wallet.wallet.web;

import dev.p2pbet.plumbing.web.ApiProblem;
import dev.p2pbet.wallet.WalletGatewayProperties;
import dev.p2pbet.wallet.wallet.WalletService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Cognito's post-confirmation trigger (forwarded by its Lambda): creates the new user's wallet row for the
 * event's {@code request.userAttributes.sub}. Idempotent (Cognito retries triggers). Outside the JWT filter, so it
 * authenticates the caller by the shared hook key in {@code X-Hook-Key}, compared in constant time; without a
 * configured key it refuses everything. Answers with the event, as a Cognito trigger must.
 */
@RestController
class CognitoHookController {

    static final String PATH = "/hooks/cognito/post-confirmation";
    static final String KEY_HEADER = "X-Hook-Key";
    private static final Logger log = LoggerFactory.getLogger(CognitoHookController.class);

    private final WalletService wallets;
    private final byte[] key;

    CognitoHookController(WalletService wallets, WalletGatewayProperties properties) {
        this.wallets = wallets;
        this.key = properties.cognitoHookKey().getBytes(StandardCharsets.UTF_8);
        if (key.length == 0) {
            log.warn("No p2pbet.wallet.cognito-hook-key (P2PBET_WALLET_COGNITOHOOKKEY): the Cognito hook refuses every call");
        }
    }

    @PostMapping(PATH)
    JsonNode postConfirmation(@RequestHeader(value = KEY_HEADER, required = false) String given,
                              @RequestBody JsonNode event) {
        if (key.length == 0 || given == null || !MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "INVALID_HOOK_KEY", "This hook needs its key.");
        }
        JsonNode sub = event.path("request").path("userAttributes").path("sub");
        if (!sub.isString() || sub.asString().isBlank()) {
            throw ApiProblem.badRequest("NO_SUB", "The event has no request.userAttributes.sub.");
        }
        if (wallets.register(sub.asString())) {
            log.info("Created the wallet of user {}", sub.asString());
        }
        return event;
    }
}
