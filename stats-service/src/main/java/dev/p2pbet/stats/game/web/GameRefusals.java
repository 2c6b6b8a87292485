package dev.p2pbet.stats.game.web;

import dev.p2pbet.plumbing.web.ApiProblem;
import dev.p2pbet.stats.game.domain.GameAlreadyExistsException;
import dev.p2pbet.stats.game.domain.GameNotFoundException;
import dev.p2pbet.stats.game.domain.GameRuleViolation;
import dev.p2pbet.stats.game.domain.IllegalGameTransitionException;
import dev.p2pbet.stats.game.domain.ResultConflictException;
import java.util.function.Supplier;

/**
 * The domain's refusals as problem+json: unknown game 404 {@code GAME_NOT_FOUND}; a broken rule
 * 422 with the rule's reason ({@code SCORE_MISMATCH}, {@code NEGATIVE_STAT}, ...); a state that
 * forbids the change 409 ({@code GAME_CANCELLED}, {@code GAME_FINAL}, {@code GAME_LIVE},
 * {@code RESULT_CONFLICT}, {@code GAME_EXISTS}).
 */
final class GameRefusals {

    private GameRefusals() {
    }

    static <T> T translate(Supplier<T> action) {
        try {
            return action.get();
        } catch (GameNotFoundException e) {
            throw ApiProblem.notFound("GAME_NOT_FOUND", e.getMessage());
        } catch (GameRuleViolation e) {
            throw ApiProblem.unprocessable(e.reason(), e.getMessage());
        } catch (ResultConflictException e) {
            throw ApiProblem.conflict("RESULT_CONFLICT", e.getMessage());
        } catch (IllegalGameTransitionException e) {
            throw ApiProblem.conflict("GAME_" + e.from().name(), e.getMessage());
        } catch (GameAlreadyExistsException e) {
            throw ApiProblem.conflict("GAME_EXISTS", e.getMessage());
        }
    }
}
