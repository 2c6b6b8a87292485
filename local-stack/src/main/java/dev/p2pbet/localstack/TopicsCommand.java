package dev.p2pbet.localstack;

import dev.p2pbet.plumbing.ops.ConsumerLag;
import dev.p2pbet.plumbing.ops.DltReplayer;
import dev.p2pbet.plumbing.ops.TopicCatalogueApplier;
import dev.p2pbet.schemas.topics.TopicCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Topic operations against any cluster (the local stack's by default): apply the catalogue,
 * show consumer lag, replay a DLT. {@code --bootstrap-servers HOST:PORT} points elsewhere.
 */
final class TopicsCommand {

    private TopicsCommand() {
    }

    static void run(List<String> args) throws Exception {
        List<String> rest = new ArrayList<>(args);
        String bootstrap = option(rest, "--bootstrap-servers", Platform.kafkaBootstrapServers());
        boolean production = rest.remove("--production");
        if (rest.isEmpty()) {
            Platform.fail(Platform.USAGE);
        }
        switch (rest.get(0)) {
            case "apply" -> apply(bootstrap, production);
            case "lag" -> lag(bootstrap);
            case "replay-dlt" -> {
                if (rest.size() != 2) {
                    Platform.fail(Platform.USAGE);
                }
                int replayed = new DltReplayer(bootstrap).replay(rest.get(1));
                System.out.println("replayed " + replayed + " record(s) from " + rest.get(1) + ".DLT to " + rest.get(1));
            }
            default -> Platform.fail(Platform.USAGE);
        }
    }

    private static void apply(String bootstrap, boolean production) throws Exception {
        TopicCatalogue catalogue = production ? TopicCatalogue.load().forProduction() : TopicCatalogue.load();
        try (Admin admin = admin(bootstrap)) {
            TopicCatalogueApplier.Report report = new TopicCatalogueApplier(admin).apply(catalogue.topicsWithDlts());
            report.changes().forEach(change -> System.out.println("changed: " + change));
            report.warnings().forEach(warning -> System.out.println("WARNING: " + warning));
            System.out.println(report.changedNothing()
                    ? "the cluster already matches the catalogue (" + catalogue.topicsWithDlts().size() + " topics)"
                    : report.changes().size() + " change(s) applied");
        }
    }

    private static void lag(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            System.out.printf("%-32s %-36s %10s%n", "GROUP", "TOPIC", "LAG");
            for (ConsumerLag.Lag lag : new ConsumerLag(admin).measure()) {
                System.out.printf("%-32s %-36s %10d%n", lag.group(), lag.topic(), lag.records());
            }
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size()) {
            return fallback;
        }
        String value = args.get(at + 1);
        args.remove(at + 1);
        args.remove(at);
        return value;
    }
}
