package dev.p2pbet.bet.offer.web;

import dev.p2pbet.bet.offer.OfferService;
import dev.p2pbet.bet.offer.domain.PlayerStat;
import dev.p2pbet.bet.offer.domain.Selection;
import dev.p2pbet.bet.offer.domain.SelectionSide;
import dev.p2pbet.bet.offer.domain.SelectionType;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.plumbing.web.ApiProblem;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The body of {@code POST /api/bets}. Fields are read as text so that every mistake is answered
 * with its own reason code rather than a generic unreadable-body error.
 */
final class BetRequests {

    private BetRequests() {
    }

    @Schema(description = "An offer: the acceptor takes the opposite side with an equal stake")
    record CreateBet(@Schema(description = "The game, as stats-service schedules it", requiredMode = REQUIRED)
                     String gameId,
                     @Schema(requiredMode = REQUIRED) SelectionRequest selection,
                     @Schema(description = "The stake in minor units (1050 = 10.50)", requiredMode = REQUIRED,
                             example = "1000") Long stakeMinor,
                     @Schema(description = "Defaults to the deployment's currency; any other is refused",
                             example = "USD") String currency) {

        OfferService.Offer toOffer(String deploymentCurrency) {
            if (gameId == null || gameId.isBlank()) {
                throw ApiProblem.badRequest("INVALID_REQUEST", "gameId is required.");
            }
            if (selection == null) {
                throw ApiProblem.badRequest("INVALID_REQUEST", "selection is required.");
            }
            if (stakeMinor == null) {
                throw ApiProblem.badRequest("INVALID_REQUEST", "stakeMinor is required (the stake in minor units).");
            }
            if (stakeMinor <= 0) {
                throw ApiProblem.unprocessable("INVALID_STAKE", "A stake is a positive amount of minor units.");
            }
            String stakeCurrency = currency == null ? deploymentCurrency : currency;
            return new OfferService.Offer(gameId, selection.toSelection(), stake(stakeMinor, stakeCurrency,
                    deploymentCurrency));
        }

        // a currency that is not even a code ("usd", 5785) is as wrong as another code: BetRules refuses those
        private static Money stake(long stakeMinor, String currency, String deploymentCurrency) {
            try {
                return Money.of(stakeMinor, currency);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.unprocessable("WRONG_CURRENCY", "Stakes are in " + deploymentCurrency + ".");
            }
        }
    }

    @Schema(description = "GAME_WINNER + HOME|AWAY; TOTAL_POINTS + OVER|UNDER + lineTenths; "
            + "PLAYER_STAT + OVER|UNDER + lineTenths + playerId + stat")
    record SelectionRequest(
            @Schema(allowableValues = {"GAME_WINNER", "TOTAL_POINTS", "PLAYER_STAT"}, requiredMode = REQUIRED)
            String type,
            @Schema(allowableValues = {"HOME", "AWAY", "OVER", "UNDER"}, requiredMode = REQUIRED) String side,
            @Schema(description = "The line in tenths of a point, whole or half points (2155 = 215.5)",
                    example = "2155") Long lineTenths,
            @Schema(description = "A player on the game's roster (PLAYER_STAT)") String playerId,
            @Schema(allowableValues = {"POINTS", "REBOUNDS", "ASSISTS", "STEALS", "BLOCKS", "TURNOVERS",
                    "THREES_MADE"}) String stat) {

        Selection toSelection() {
            return new Selection(parse(SelectionType.class, type, "type"), parse(SelectionSide.class, side, "side"),
                    lineTenths, playerId, stat == null ? null : parse(PlayerStat.class, stat, "stat"));
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
            if (value == null) {
                throw ApiProblem.unprocessable("INVALID_SELECTION", "selection." + field + " is required.");
            }
            try {
                return Enum.valueOf(type, value.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.unprocessable("INVALID_SELECTION", "selection." + field + " is not one of "
                        + java.util.Arrays.toString(type.getEnumConstants()) + ".");
            }
        }
    }
}
