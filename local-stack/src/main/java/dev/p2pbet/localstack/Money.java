package dev.p2pbet.localstack;

/** Minor units as people read them: {@code 10000} is {@code 100.00}. */
public final class Money {

    private Money() {
    }

    public static String format(long minor) {
        String sign = minor < 0 ? "-" : "";
        long abs = Math.abs(minor);
        return String.format("%s%,d.%02d", sign, abs / 100, abs % 100);
    }
}
