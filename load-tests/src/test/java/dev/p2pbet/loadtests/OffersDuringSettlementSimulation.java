package dev.p2pbet.loadtests;

import io.gatling.javaapi.core.Simulation;

/**
 * Offers keep arriving (a quarter of the offer scenario's rate) while the settlement game is finalized and paid: the
 * bet creation p99 the issue asks for "while it runs". Offers go to the offer scenario's game, never the settled one.
 */
public class OffersDuringSettlementSimulation extends Simulation {

    static final String REQUEST = "POST /api/bets during settlement";

    {
        LoadRun run = LoadRun.current();
        setUp(OfferCreationSimulation.offersAt("offers during settlement", REQUEST, run, run.offersGame,
                Math.max(1, run.sizes.offerRate() / 4.0), run.sizes.settlementWindow()))
                .protocols(run.httpProtocol());
    }
}
