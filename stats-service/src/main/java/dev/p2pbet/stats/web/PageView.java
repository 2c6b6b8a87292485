package dev.p2pbet.stats.web;

import dev.p2pbet.plumbing.web.ApiProblem;
import java.util.List;

/** One page of a list: the items, where the page is, and how many there are in all. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static final int MAX_SIZE = 100;

    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageView<>(items, page, size, totalItems, (totalItems + size - 1) / size);
    }

    /** Refuses a page below 0 or a size outside 1..100 (400 INVALID_PAGE). */
    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badRequest("INVALID_PAGE", "page must be 0 or more and size between 1 and " + MAX_SIZE + ".");
        }
    }
}
