package dev.p2pbet.loadtests;

import java.util.List;
import java.util.stream.IntStream;

/** The run's users by role; ids carry the run id so a run never meets another's data. */
public record Users(List<String> creators, List<String> acceptors) {

    static Users of(String runId, int creators, int acceptors) {
        return new Users(IntStream.range(0, creators).mapToObj(i -> "lt-" + runId + "-c" + i).toList(),
                IntStream.range(0, acceptors).mapToObj(i -> "lt-" + runId + "-a" + i).toList());
    }

    public String creator(long i) {
        return creators.get((int) (i % creators.size()));
    }

    public String acceptor(long i) {
        return acceptors.get((int) (i % acceptors.size()));
    }
}
