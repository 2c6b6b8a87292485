package dev.p2pbet.loadtests;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import io.gatling.javaapi.core.Simulation;

/**
 * Offers at a rate the stack carries ({@link Sizes#steadyRate()}), on a game of their own, after the
 * {@link WarmUpSimulation}: the cost of an offer and its latency when nothing queues, to set against the offer
 * scenario's figures at the target rate.
 */
public class SteadyOfferSimulation extends Simulation {

    static final String REQUEST = "POST /api/bets at a steady rate";

    {
        LoadRun run = LoadRun.current();
        setUp(OfferCreationSimulation.offers("offers at a steady rate", REQUEST, run, run.steadyGame)
                .injectOpen(constantUsersPerSec(run.sizes.steadyRate()).during(run.sizes.steadyDuration())))
                .protocols(run.httpProtocol());
    }
}
