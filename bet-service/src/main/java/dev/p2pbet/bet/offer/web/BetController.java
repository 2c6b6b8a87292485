package dev.p2pbet.bet.offer.web;

import dev.p2pbet.bet.offer.BetMetrics;
import dev.p2pbet.bet.offer.BetProperties;
import dev.p2pbet.bet.offer.OfferService;
import dev.p2pbet.bet.offer.domain.BetStatus;
import dev.p2pbet.bet.offer.domain.SelectionType;
import dev.p2pbet.bet.offer.persistence.BetQueries;
import dev.p2pbet.bet.offer.persistence.BetQueries.Cursor;
import dev.p2pbet.bet.offer.persistence.BetQueries.LobbyFilter;
import dev.p2pbet.plumbing.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The frontend API of bets; the user is the token's subject. */
@RestController
@Tag(name = "bets")
class BetController {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final OfferService offers;
    private final BetQueries queries;
    private final BetProperties properties;
    private final BetMetrics metrics;
    private final BetStream stream;
    private final UserRateLimits rateLimits;

    BetController(OfferService offers, BetQueries queries, BetProperties properties, BetMetrics metrics,
                  BetStream stream, UserRateLimits rateLimits) {
        this.offers = offers;
        this.queries = queries;
        this.properties = properties;
        this.metrics = metrics;
        this.stream = stream;
        this.rateLimits = rateLimits;
    }

    record Page(List<BetView> items, String nextCursor) {
    }

    /** Offers a bet: 202, the bet in escrow_pending, its URL in Location. */
    @Operation(summary = "Offer a bet", description = "Commands the creator's escrow-in; the offer opens once the "
            + "provider confirms it (status escrow_pending -> open, or rejected with a reason). The same "
            + "Idempotency-Key answers the bet the first request created.")
    @ApiResponse(responseCode = "202", description = "The bet, in escrow_pending; Location is its URL")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST, INVALID_IDEMPOTENCY_KEY", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "GAME_NOT_OPEN: the game has started, ended or been cancelled",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "UNKNOWN_GAME, INVALID_SELECTION, INVALID_LINE, UNKNOWN_PLAYER, "
            + "INVALID_STAKE, STAKE_TOO_LOW, STAKE_TOO_HIGH, WRONG_CURRENCY, TOO_MANY_OPEN_OFFERS, "
            + "IDEMPOTENCY_KEY_REUSED", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED: too many offers; Retry-After says when to retry",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/bets", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BetView> create(@AuthenticationPrincipal Jwt jwt, @RequestBody BetRequests.CreateBet request,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        rateLimits.offer(jwt.getSubject());
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ApiProblem.badRequest("INVALID_IDEMPOTENCY_KEY",
                    "An Idempotency-Key is 1 to " + MAX_IDEMPOTENCY_KEY + " characters.");
        }
        OfferService.Offered offered = BetRefusals.translate(() ->
                offers.offer(jwt.getSubject(), request.toOffer(properties.getCurrency()), idempotencyKey));
        BetView view = BetView.of(offered.bet());
        return ResponseEntity.accepted().location(URI.create(view.url())).body(view);
    }

    @Operation(summary = "A bet")
    @ApiResponse(responseCode = "200", description = "The bet")
    @ApiResponse(responseCode = "404", description = "BET_NOT_FOUND", content = @Content(
            mediaType = "application/problem+json"))
    @GetMapping(path = "/api/bets/{betId}", produces = MediaType.APPLICATION_JSON_VALUE)
    BetView get(@PathVariable String betId) {
        return BetView.of(BetRefusals.translate(() -> offers.find(betId)));
    }

    /** Accepts an open offer: 202, the bet in matching; 409 BET_NOT_OPEN when another user was first. */
    @Operation(summary = "Accept an open offer", description = "Commands the acceptor's escrow-in of an equal stake "
            + "(status open -> matching -> matched, or back to open if it fails). Of concurrent acceptances "
            + "exactly one wins; the others get 409 and move no money.")
    @ApiResponse(responseCode = "202", description = "The bet, in matching with the caller as pending acceptor")
    @ApiResponse(responseCode = "404", description = "BET_NOT_FOUND", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "BET_NOT_OPEN (someone else was first, or the offer ended), "
            + "GAME_NOT_OPEN", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "OWN_BET", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED: too many acceptances; Retry-After says when to "
            + "retry", content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/bets/{betId}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BetView> accept(@AuthenticationPrincipal Jwt jwt, @PathVariable String betId) {
        rateLimits.accept(jwt.getSubject());
        try {
            BetView view = BetView.of(BetRefusals.translate(() -> offers.accept(betId, jwt.getSubject())));
            return ResponseEntity.accepted().location(URI.create(view.url())).body(view);
        } catch (ApiProblem refused) {
            metrics.acceptRefused(refused.reason());
            throw refused;
        }
    }

    /** Withdraws the caller's open offer: 202, the bet withdrawn (refunded once settlement confirms). */
    @Operation(summary = "Withdraw your open offer", description = "Ends the offer; settlement refunds the stake "
            + "minus gas (status withdrawn -> refunded).")
    @ApiResponse(responseCode = "202", description = "The bet, withdrawn")
    @ApiResponse(responseCode = "403", description = "NOT_YOUR_BET", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "BET_NOT_FOUND", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "BET_NOT_OPEN", content = @Content(
            mediaType = "application/problem+json"))
    @PostMapping(path = "/api/bets/{betId}/withdraw", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BetView> withdraw(@AuthenticationPrincipal Jwt jwt, @PathVariable String betId) {
        BetView view = BetView.of(BetRefusals.translate(() -> offers.withdraw(betId, jwt.getSubject())));
        return ResponseEntity.accepted().location(URI.create(view.url())).body(view);
    }

    /** The lobby: open offers on games still scheduled by default, newest first. */
    @Operation(summary = "The lobby", description = "Bets in a status (default open: offers on games still "
            + "scheduled), newest first. Pass nextCursor back as cursor for the next page; null on the last page.")
    @ApiResponse(responseCode = "200", description = "A page of bets")
    @ApiResponse(responseCode = "400", description = "INVALID_STATUS, INVALID_TYPE, INVALID_CURSOR, INVALID_LIMIT, "
            + "INVALID_STAKE_RANGE", content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/api/bets", produces = MediaType.APPLICATION_JSON_VALUE)
    Page lobby(@RequestParam(defaultValue = "open") String status, @RequestParam(required = false) String gameId,
               @RequestParam(required = false) String type, @RequestParam(required = false) Long minStake,
               @RequestParam(required = false) Long maxStake, @RequestParam(required = false) Integer limit,
               @RequestParam(required = false) String cursor) {
        LobbyFilter filter = new LobbyFilter(parseStatus(status), gameId, parseType(type), minStake, maxStake);
        if (minStake != null && maxStake != null && minStake > maxStake) {
            throw ApiProblem.badRequest("INVALID_STAKE_RANGE", "minStake is above maxStake.");
        }
        return page(queries.lobby(filter, parseCursor(cursor), pageSize(limit)));
    }

    /** The caller's bets (created, accepted or being accepted), newest first. */
    @Operation(summary = "Your bets", description = "Every bet you created, accepted or are accepting, newest first.")
    @GetMapping(path = "/api/users/me/bets", produces = MediaType.APPLICATION_JSON_VALUE)
    Page mine(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) Integer limit,
              @RequestParam(required = false) String cursor) {
        return page(queries.history(jwt.getSubject(), parseCursor(cursor), pageSize(limit)));
    }

    /** Server-sent events: {@code bet} (a change of one of the caller's bets) and {@code lobby}. */
    @Operation(summary = "Live changes", description = "Server-sent events: `subscribed` once, then `bet` (data: the "
            + "bet) when one of your bets changes, and `lobby` (data: the bet) when a bet enters or leaves the lobby "
            + "(not with lobby=false).")
    @ApiResponse(responseCode = "200", description = "An event stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @GetMapping(path = "/api/bets/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "true") boolean lobby) {
        return stream.subscribe(jwt.getSubject(), properties.getStreamTimeout(), lobby);
    }

    private static Page page(BetQueries.Page page) {
        return new Page(page.items().stream().map(BetView::of).toList(), page.nextCursor());
    }

    private int pageSize(Integer limit) {
        if (limit == null) {
            return properties.getDefaultPageSize();
        }
        if (limit < 1 || limit > properties.getMaxPageSize()) {
            throw ApiProblem.badRequest("INVALID_LIMIT", "limit is 1 to " + properties.getMaxPageSize() + ".");
        }
        return limit;
    }

    private static Cursor parseCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        return Cursor.decode(cursor).orElseThrow(() -> ApiProblem.badRequest("INVALID_CURSOR",
                "cursor is not one this API returned."));
    }

    private static BetStatus parseStatus(String status) {
        try {
            return BetStatus.fromCode(status);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_STATUS", "status " + status + " is not a bet status.");
        }
    }

    private static SelectionType parseType(String type) {
        if (type == null) {
            return null;
        }
        try {
            return SelectionType.valueOf(type.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_TYPE", "type " + type + " is not a selection type.");
        }
    }
}
