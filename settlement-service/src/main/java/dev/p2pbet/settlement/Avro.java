package dev.p2pbet.settlement;

import dev.p2pbet.plumbing.money.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Money and time at the Avro edge. */
public final class Avro {

    private Avro() {
    }

    public static dev.p2pbet.schemas.common.Money money(Money money) {
        return dev.p2pbet.schemas.common.Money.newBuilder()
                .setAmountMinor(money.amountMinor()).setCurrency(money.currency()).build();
    }

    public static dev.p2pbet.schemas.common.Money money(long minor, String currency) {
        return money(Money.of(minor, currency));
    }

    public static Money money(dev.p2pbet.schemas.common.Money money) {
        return Money.of(money.getAmountMinor(), money.getCurrency());
    }

    public static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
