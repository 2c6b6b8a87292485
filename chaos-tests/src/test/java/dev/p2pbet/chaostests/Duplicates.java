package dev.p2pbet.chaostests;

import static dev.p2pbet.systemtests.support.SystemUnderTest.WALLET_GATEWAY;
import static dev.p2pbet.systemtests.support.SystemUnderTest.WALLET_SIMULATOR;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the platform suppressed or repaired during a round, counted where the services leave a trace that survives
 * their death: their log files (appended across restarts) and, read before each process goes away, their
 * Prometheus counters.
 * <ul>
 *     <li>inbox hits: a transfer command delivered again to the gateway (its inbox says "delivered before");</li>
 *     <li>duplicate confirmations: transfer outcomes settlement-service received again and ignored;</li>
 *     <li>provider replays: a POST /transfers the provider answered from its idempotency key (a retry of a call
 *     whose answer was lost, or made again after a crash);</li>
 *     <li>reconciler fixes: transfers the gateway's reconciler settled or adopted that the command path left.</li>
 * </ul>
 * bet-service and stats-service drop redeliveries silently (inbox, no log line, no counter): theirs are not counted.
 */
final class Duplicates {

    record Counts(long inboxHits, long duplicateConfirmations, long providerReplays, long reconcilerFixes,
                  long crashPointsFired) {

        long suppressed() {
            return inboxHits + duplicateConfirmations + providerReplays;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Duplicates.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String INBOX_HIT = "was delivered before; nothing to do";
    private static final Pattern DUPLICATE_CONFIRMATIONS = Pattern.compile("(\\d+) of \\d+ confirmations change nothing");
    private static final String CRASH_POINT = "CRASH TEST: halting after the provider accepted";
    private static final Map<String, Pattern> COUNTERS = Map.of(
            WALLET_SIMULATOR, Pattern.compile("^walletsim_transfers_total\\{[^}]*outcome=\"replayed\"[^}]*} ([0-9.eE+-]+)$"),
            WALLET_GATEWAY, Pattern.compile("^betting_reconciler_fixes_total\\{[^}]*} ([0-9.eE+-]+)$"));

    private final ChaosPlatform platform;
    private final Map<Path, Long> logOffsets = new HashMap<>();
    private final Map<String, Long> counterBaseline = new HashMap<>();
    private final Map<String, Long> counterBanked = new HashMap<>();

    Duplicates(ChaosPlatform platform) {
        this.platform = platform;
    }

    /** From now on: remembers where every log ends and what the counters say. */
    void start() {
        logOffsets.clear();
        counterBanked.clear();
        for (Path logFile : logFiles()) {
            logOffsets.put(logFile, size(logFile));
        }
        COUNTERS.keySet().forEach(module -> counterBaseline.put(module, read(module)));
    }

    /** The module's process is about to go: what its counters gained so far is kept; the next one starts at 0. */
    void losing(String module) {
        if (COUNTERS.containsKey(module)) {
            counterBanked.merge(module, Math.max(0, read(module) - counterBaseline.getOrDefault(module, 0L)), Long::sum);
            counterBaseline.put(module, 0L);
        }
    }

    /** What happened since {@link #start()}. */
    Counts since() {
        long inboxHits = 0;
        long duplicateConfirmations = 0;
        long crashPoints = 0;
        for (Path logFile : logFiles()) {
            for (String line : appended(logFile, logOffsets.getOrDefault(logFile, 0L))) {
                if (line.contains(INBOX_HIT)) {
                    inboxHits++;
                }
                if (line.contains(CRASH_POINT)) {
                    crashPoints++;
                }
                Matcher duplicates = DUPLICATE_CONFIRMATIONS.matcher(line);
                if (duplicates.find()) {
                    duplicateConfirmations += Long.parseLong(duplicates.group(1));
                }
            }
        }
        Map<String, Long> counters = new HashMap<>();
        COUNTERS.keySet().forEach(module -> counters.put(module, counterBanked.getOrDefault(module, 0L)
                + Math.max(0, read(module) - counterBaseline.getOrDefault(module, 0L))));
        return new Counts(inboxHits, duplicateConfirmations, counters.get(WALLET_SIMULATOR),
                counters.get(WALLET_GATEWAY), crashPoints);
    }

    private List<Path> logFiles() {
        Path logs = platform.stack().stateDir().resolve("logs");
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> appended(Path file, long from) {
        try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
            long length = reader.length();
            if (length <= from) {
                return List.of();
            }
            byte[] bytes = new byte[Math.toIntExact(length - from)];
            reader.seek(from);
            reader.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            log.warn("Could not read {}: {}", file, e.toString());
            return List.of();
        }
    }

    /** The module's counter (summed over its series); 0 when it does not answer (it is down). */
    private long read(String module) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(platform.serviceUrl(module) + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            double sum = 0;
            for (String line : response.body().lines().toList()) {
                Matcher matcher = COUNTERS.get(module).matcher(line);
                if (matcher.matches()) {
                    sum += Double.parseDouble(matcher.group(1));
                }
            }
            return Math.round(sum);
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
