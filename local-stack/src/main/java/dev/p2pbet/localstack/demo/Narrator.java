package dev.p2pbet.localstack.demo;

import dev.p2pbet.localstack.Money;
import java.io.PrintStream;

/** Tells the story step by step, and ends it at the first promise the platform breaks. */
final class Narrator {

    private final PrintStream out;
    private int step;

    Narrator(PrintStream out) {
        this.out = out;
    }

    /** A numbered step of the story. */
    void step(String text) {
        out.printf("%n%d. %s%n", ++step, text);
    }

    /** A detail of the current step, indented under it. */
    void detail(String format, Object... args) {
        out.printf("   " + format + "%n", args);
    }

    void say(String format, Object... args) {
        out.printf(format + "%n", args);
    }

    static void expect(boolean condition, String promise) {
        if (!condition) {
            throw new DemoFailure("Expected " + promise);
        }
    }

    static String signed(long minor) {
        return (minor >= 0 ? "+" : "") + Money.format(minor);
    }
}
