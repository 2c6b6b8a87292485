package dev.p2pbet.plumbing.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** The lines of {@link EcsLogLines} are, byte for byte, those of Spring Boot's {@code ecs} format. */
class EcsLogLinesTest {

    private final LoggerContext logging = loggingOf(new MockEnvironment()
            .withProperty("spring.application.name", "bet-service")
            .withProperty("spring.application.pid", "4242"));

    private final StructuredLogEncoder boots = encoder("ecs");

    private final StructuredLogEncoder ours = encoder(EcsLogLines.class.getName());

    @Test
    void writes_boots_line_for_a_message_in_a_trace() {
        LoggingEvent event = event(Level.INFO, "Bet {} {} -> {}", null, "b-1", "new", "pending");
        event.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7"));

        assertSameLine(event);
    }

    @Test
    void writes_boots_line_for_key_values_and_markers() {
        LoggingEvent event = event(Level.WARN, "Transfer {} stays requested", null, "t-1");
        event.addKeyValuePair(new KeyValuePair("transferId", "t-1"));
        event.addMarker(MarkerFactory.getMarker("AUDIT"));

        assertSameLine(event);
    }

    @Test
    void writes_boots_line_for_an_error_with_its_stack_trace() {
        assertSameLine(event(Level.ERROR, "Relay failed", new IllegalStateException("broker \"gone\"")));
    }

    @Test
    void writes_boots_line_for_characters_that_json_escapes_or_utf8_encodes_in_several_bytes() {
        assertSameLine(event(Level.INFO, "Mise \"à\" jour\n\tnaïve ✓ 🎲 \u0001", null));
    }

    private void assertSameLine(ILoggingEvent event) {
        byte[] line = ours.encode(event);

        assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo(new String(boots.encode(event), StandardCharsets.UTF_8));
        assertThat(line).isEqualTo(boots.encode(event));
    }

    private LoggingEvent event(Level level, String message, Throwable error, Object... arguments) {
        return new LoggingEvent(EcsLogLinesTest.class.getName(), logging.getLogger("dev.p2pbet.bet.offer.BetTransitionLog"),
                level, message, error, arguments);
    }

    private StructuredLogEncoder encoder(String format) {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(logging);
        encoder.setFormat(format);
        encoder.start();
        return encoder;
    }

    private static LoggerContext loggingOf(Environment environment) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putObject(Environment.class.getName(), environment);
        return context;
    }
}
