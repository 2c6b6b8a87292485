package dev.p2pbet.bet.offer.web;

import dev.p2pbet.bet.offer.BetNotFoundException;
import dev.p2pbet.bet.offer.domain.BetRuleViolation;
import dev.p2pbet.bet.offer.domain.GameNotOpenException;
import dev.p2pbet.bet.offer.domain.IllegalBetTransitionException;
import dev.p2pbet.bet.offer.domain.NotYourBetException;
import dev.p2pbet.plumbing.web.ApiProblem;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * The domain's refusals as problem+json: unknown bet 404 {@code BET_NOT_FOUND}; another user's
 * bet 403 {@code NOT_YOUR_BET}; a broken rule 422 with its reason ({@code STAKE_TOO_LOW},
 * {@code OWN_BET}, {@code UNKNOWN_PLAYER}, ...); a state that forbids it 409
 * ({@code BET_NOT_OPEN}, {@code GAME_NOT_OPEN}).
 */
final class BetRefusals {

    private BetRefusals() {
    }

    static <T> T translate(Supplier<T> action) {
        try {
            return action.get();
        } catch (BetNotFoundException e) {
            throw ApiProblem.notFound("BET_NOT_FOUND", e.getMessage());
        } catch (NotYourBetException e) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "NOT_YOUR_BET", e.getMessage());
        } catch (BetRuleViolation e) {
            throw ApiProblem.unprocessable(e.reason(), e.getMessage());
        } catch (GameNotOpenException e) {
            throw ApiProblem.conflict("GAME_NOT_OPEN", e.getMessage());
        } catch (IllegalBetTransitionException e) {
            throw ApiProblem.conflict("BET_NOT_OPEN", e.getMessage());
        }
    }
}
