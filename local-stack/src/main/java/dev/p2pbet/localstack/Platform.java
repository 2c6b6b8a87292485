package dev.p2pbet.localstack;

import dev.p2pbet.plumbing.security.DevTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The local stack's command line: {@code run} starts the platform, {@code token} mints a JWT of
 * the run's local issuer, {@code topic} prints a topic's records decoded through the registry.
 */
public final class Platform {

    static final String USAGE = """
            usage: ./platform run                              start the whole platform
                   ./platform token USER [--groups g1,g2]      print a JWT for USER (e.g. --groups admin)
                   ./platform topic TOPIC [KEY]                print TOPIC's records (only KEY's) as JSON
                   ./platform topics apply [--production]      make the cluster's topics match the catalogue
                   ./platform topics lag                       consumer lag per group and topic
                   ./platform topics replay-dlt TOPIC          put TOPIC.DLT's records back on TOPIC
                   (topics commands: --bootstrap-servers HOST:PORT for another cluster than the local stack's)""";

    private Platform() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run" -> LocalStack.main(args);
            case "token" -> printToken(Arrays.asList(args).subList(1, args.length));
            case "topic" -> TopicReader.print(Arrays.asList(args).subList(1, args.length));
            case "topics" -> TopicsCommand.run(Arrays.asList(args).subList(1, args.length));
            default -> fail(USAGE);
        }
    }

    private static void printToken(List<String> args) throws Exception {
        if (args.isEmpty() || args.get(0).isBlank() || args.get(0).startsWith("-")) {
            fail(USAGE);
        }
        List<String> groups = List.of();
        int groupsFlag = args.indexOf("--groups");
        if (groupsFlag > 0 && groupsFlag + 1 < args.size()) {
            groups = List.of(args.get(groupsFlag + 1).split(","));
        }
        Path secretFile = stateDir().resolve("dev-signing-secret");
        if (!Files.exists(secretFile)) {
            fail("No local stack has run here yet: start it with ./platform run");
        }
        String secret = Files.readString(secretFile).trim();
        System.out.println(DevTokens.mint(args.get(0), secret, DevTokens.DEFAULT_ISSUER, Duration.ofHours(12), groups));
    }

    static Path stateDir() {
        return Path.of(System.getProperty("p2pbet.project-root", ".")).toAbsolutePath().normalize().resolve(".local-stack");
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
