package dev.p2pbet.loadtests;

import java.time.Duration;

/**
 * The unmeasured offers made before anything is timed ({@link Sizes#warmUp()}), so that the JIT compilers, pools and
 * caches of every process have warmed up on the path the steady run then measures. {@code -Dload-tests.warm-up-rate}
 * and {@code -Dload-tests.warm-up-seconds} change it for one run.
 *
 * @param rate     offers per second
 * @param duration how long they arrive
 */
record WarmUp(int rate, Duration duration) {

    WarmUp {
        if (rate < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a warm-up needs a rate and a duration, not " + rate + "/s for "
                    + duration);
        }
    }

    /** The size's warm-up, unless {@code rate} or {@code seconds} (blank: unset) say otherwise. */
    static WarmUp of(Sizes sizes, String rate, String seconds) {
        WarmUp sized = sizes.warmUp();
        return new WarmUp(rate == null || rate.isBlank() ? sized.rate() : Integer.parseInt(rate.trim()),
                seconds == null || seconds.isBlank() ? sized.duration()
                        : Duration.ofSeconds(Long.parseLong(seconds.trim())));
    }

    static WarmUp fromSystemProperties(Sizes sizes) {
        return of(sizes, System.getProperty("load-tests.warm-up-rate"), System.getProperty("load-tests.warm-up-seconds"));
    }

    long offers() {
        return rate * duration.toSeconds();
    }

    @Override
    public String toString() {
        return String.format("%,d offers at %d/s", offers(), rate);
    }
}
