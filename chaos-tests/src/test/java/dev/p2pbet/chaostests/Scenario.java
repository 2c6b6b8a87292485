package dev.p2pbet.chaostests;

import java.util.List;

/**
 * A round's faults: each lands at a phase of the round (right after that phase's requests were answered, once
 * work is in flight). Several injections of the same fault at several phases make "repeatedly".
 */
record Scenario(String name, List<Injection> injections) {

    /** When in a round a fault lands: escrows in flight, acceptances in flight, settlement in flight. */
    enum Phase {
        AFTER_OFFERS, AFTER_ACCEPTS, AFTER_RESULTS
    }

    record Injection(Fault fault, Phase phase) {
    }

    static Scenario of(Fault fault, Phase... phases) {
        return new Scenario(fault.name(), List.of(phases).stream().map(phase -> new Injection(fault, phase)).toList());
    }

    List<Injection> at(Phase phase) {
        return injections.stream().filter(injection -> injection.phase() == phase).toList();
    }
}
