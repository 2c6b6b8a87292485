package dev.p2pbet.systemtests.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/** Boundary and malformed values: numbers, text, identifiers, as JSON fragments and as URL parts. */
final class Values {

    /** JSON number literals at and past every boundary a field of ours has (int, long, double, sign, fraction). */
    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "99", "100", "101", "999999", "1000000",
            "1000001", "1.5", "10.50", "1050.0", "0.01", "-0.5", "1e3", "1E400", "-1e400", "1e-400", "2147483647",
            "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "-9223372036854775809", "99999999999999999999999999999999999999", "4.9e-324", "1.7976931348623157e308",
            "3.14159", "2155", "2156", "4000", "4001", "-2155");
    /** Text a URL or JSON field might carry: empty, long, unicode, control characters, injections, near-enums. */
    static final List<String> TEXTS = List.of("", " ", "\t", "null", "undefined", "NaN", "true", "0", "-1",
            "' OR '1'='1", "1; DROP TABLE bets; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}",
            "../../etc/passwd", "%s%s%n", "\u0000", "a\u0000b", "\uD800", "\uDFFF\uD800", "\u202Eevil", "\uFEFF",
            "😀🎲", "Zoë Ørsted", "日本語テキスト", "game_wınner", "ǅ", "ß", "a\u0301", "\\", "\"", "\r\n", "\n",
            "HOME", "home", "Away", "OVER", "under", "SIDEWAYS", "GAME_WINNER", "total_points", "PLAYER_STAT",
            "PLAYER_STAT ", "POINTS", "threes_made", "USD", "usd", "EUR", "ZZZ", "open", "OPEN", "settled", "profit",
            "wins", "week", "month", "all", "scheduled", "final", "live", "cancelled", "ESCROW_VAULT",
            "PLATFORM_OPS", "2026-13-45", "2026-02-30", "9999-12-31", "0000-01-01", "2026-11-25T25:00:00Z",
            "1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "P1D");

    private Values() {
    }

    static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    static String number(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> Long.toString(random.nextLong());
            case 1 -> Integer.toString(random.nextInt(-10_000, 10_000));
            default -> pick(random, NUMBERS);
        };
    }

    static String text(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> ascii(random, 1 + random.nextInt(40));
            case 1 -> Values.uuid(random);
            case 2 -> longText(random);
            case 3 -> unicode(random, 1 + random.nextInt(30));
            default -> pick(random, TEXTS);
        };
    }

    /** Mostly a few KB, now and then up to 70 000 characters. */
    static String longText(SplittableRandom random) {
        int length = chance(random, 0.1) ? 10_000 + random.nextInt(60_000) : 201 + random.nextInt(3_000);
        return "x".repeat(length);
    }

    /** A UUID drawn from {@code random}, so that a seed repeats it. */
    static String uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    static String ascii(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return out.toString();
    }

    static String unicode(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int codePoint;
            do {
                codePoint = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80, 0x800);
                    case 1 -> random.nextInt(0x800, 0xD800);
                    case 2 -> random.nextInt(0x1F300, 0x1FAFF);
                    default -> random.nextInt(0xE000, 0x10FFFF);
                };
            } while (!Character.isDefined(codePoint));
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }

    /** An identifier that names nothing: not a UUID, an unknown UUID, empty-ish, long, unicode, an injection. */
    static String unknownId(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> Values.uuid(random);
            case 2 -> "fuzz-" + Long.toHexString(random.nextLong());
            case 3 -> number(random);
            default -> text(random);
        };
    }

    /** Any JSON value: mostly a wrong type for whatever field receives it. */
    static String anyJson(SplittableRandom random) {
        return switch (random.nextInt(9)) {
            case 0, 1 -> number(random);
            case 2, 3 -> string(text(random));
            case 4 -> random.nextBoolean() ? "true" : "false";
            case 5 -> "null";
            case 6 -> pick(random, List.of("[]", "{}", "[null]", "[1,2,3]", "{\"a\":{\"b\":[]}}", "[\"HOME\"]"));
            case 7 -> "\"" + pick(random, NUMBERS) + "\"";
            default -> nested(random.nextInt(1, 64));
        };
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** {@code text} as a JSON string literal. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A JSON object of raw JSON fragments, in order. */
    static String object(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, raw) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(string(name)).append(':').append(raw);
        });
        return out.append('}').toString();
    }

    /** A path segment with everything but the unreserved characters percent-encoded (UTF-8). */
    static String segment(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
