package dev.p2pbet.loadtests;

import io.gatling.javaapi.core.Simulation;

/**
 * The offers of the {@link WarmUp}, on the steady run's game, before anything is timed: the JIT compilers, pools and
 * caches of every process warm up on the path the steady run then measures.
 */
public class WarmUpSimulation extends Simulation {

    static final String REQUEST = "POST /api/bets, warm-up";

    {
        LoadRun run = LoadRun.current();
        setUp(OfferCreationSimulation.offersAt("warm-up", REQUEST, run, run.steadyGame, run.warmUp.rate(),
                run.warmUp.duration()))
                .protocols(run.httpProtocol());
    }
}
