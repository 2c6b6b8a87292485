package dev.p2pbet.loadtests;

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
        setUp(OfferCreationSimulation.offersAt("offers at a steady rate", REQUEST, run, run.steadyGame,
                run.sizes.steadyRate(), run.sizes.steadyDuration()))
                .protocols(run.httpProtocol());
    }
}
