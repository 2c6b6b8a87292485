package dev.p2pbet.loadtests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU goes, by framework: each JFR execution sample is attributed to the first frame, from the
 * top of its stack, that is not the JDK's own (a {@code HashMap.getNode} called by Spring MVC is Spring MVC's).
 * With no hot method to fix, this split says which layer of per-request and per-record work costs most.
 */
final class FrameworkSplit {

    /** A framework and the package prefixes of its classes; the first group that matches wins. */
    record Group(String label, List<String> prefixes) {
    }

    static final String JDK_ONLY = "JDK only";
    static final String OTHER = "other libraries";

    static final List<Group> GROUPS = List.of(
            new Group("our code", List.of("dev.p2pbet.")),
            new Group("Spring Security", List.of("org.springframework.security.")),
            new Group("Spring Kafka", List.of("org.springframework.kafka.")),
            new Group("Spring MVC", List.of("org.springframework.web.", "org.springframework.http.")),
            new Group("Spring JDBC and transactions", List.of("org.springframework.jdbc.",
                    "org.springframework.transaction.", "org.springframework.dao.")),
            new Group("Spring AOP (proxies)", List.of("org.springframework.aop.")),
            new Group("Spring Boot", List.of("org.springframework.boot.")),
            new Group("Spring core (beans, annotations, utilities)", List.of("org.springframework.")),
            new Group("Tomcat", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
            new Group("Micrometer", List.of("io.micrometer.")),
            new Group("tracing (Brave, OpenTelemetry)", List.of("brave.", "io.opentelemetry.", "zipkin2.")),
            new Group("Kafka clients", List.of("org.apache.kafka.")),
            new Group("Avro and Apicurio serdes", List.of("org.apache.avro.", "io.apicurio.")),
            new Group("Jackson", List.of("com.fasterxml.jackson.", "tools.jackson.")),
            new Group("PostgreSQL driver", List.of("org.postgresql.")),
            new Group("HikariCP", List.of("com.zaxxer.hikari.")),
            new Group("Nimbus JOSE (JWT)", List.of("com.nimbusds.")),
            new Group("Logback and SLF4J", List.of("ch.qos.logback.", "org.slf4j.")));

    private static final List<String> JDK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private FrameworkSplit() {
    }

    /** The group of one sample, given the classes of its frames from the top of the stack down. */
    static String attribute(List<String> classesTopFirst) {
        for (String type : classesTopFirst) {
            if (JDK_PREFIXES.stream().anyMatch(type::startsWith)) {
                continue;
            }
            return GROUPS.stream().filter(group -> group.prefixes().stream().anyMatch(type::startsWith))
                    .map(Group::label).findFirst().orElse(OTHER);
        }
        return JDK_ONLY;
    }

    /** Samples per group in a recording, counting only those taken at or after {@code from}, largest first. */
    static Map<String, Long> read(Path recording, Instant from) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
                        || event.getStackTrace() == null) {
                    continue;
                }
                List<String> classes = event.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
                        .map(method -> method == null || method.getType() == null ? "" : method.getType().getName())
                        .toList();
                counts.merge(attribute(classes), 1L, Long::sum);
            }
        }
        return sorted(counts);
    }

    /** "Spring MVC 12.1 %, Tomcat 11.8 %, ..." over all samples. */
    static String summary(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "no samples";
        }
        return sorted(counts).entrySet().stream()
                .map(e -> String.format("%s %.1f %%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", ")) + " (" + total + " samples)";
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
