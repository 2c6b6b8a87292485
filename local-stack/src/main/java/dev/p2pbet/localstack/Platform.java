package dev.p2pbet.localstack;

import dev.p2pbet.localstack.demo.Demo;
import dev.p2pbet.plumbing.security.DevTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The local stack's command line: {@code run} starts the platform, {@code demo} plays the seed's story against it,
 * {@code token} mints a JWT of the run's local issuer, {@code topic} prints a topic's records decoded through the
 * registry, {@code topics} applies the catalogue, shows lag, replays a DLT.
 */
public final class Platform {

    static final String USAGE = """
            usage: ./platform run [--free-ports]               start the whole platform (API entry point on :8080;
                                                               --free-ports: any free ports, see .local-stack/endpoints.properties)
                   ./platform demo [--own-stack]               play the seed's story against the running platform
                                                               (--own-stack: start one on free ports, then stop it)
                   ./platform token USER [--groups g1,g2]      print a JWT for USER (e.g. --groups admin)
                   ./platform topic TOPIC [KEY]                print TOPIC's records (only KEY's) as JSON
                   ./platform topics apply [--production]      make the cluster's topics match the catalogue
                   ./platform topics lag                       consumer lag per group and topic
                   ./platform topics replay-dlt TOPIC          put TOPIC.DLT's records back on TOPIC
                   (topics commands: --bootstrap-servers HOST:PORT for another cluster than the local stack's)""";

    static final String STATE_DIR_PROPERTY = "p2pbet.local-stack.state-dir";

    private Platform() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (command) {
            case "run" -> LocalStack.run(projectRoot(), stateDir(), rest.contains("--free-ports"));
            case "demo" -> System.exit(Demo.runFromCommandLine(projectRoot(), stateDir(), rest, System.out));
            case "token" -> printToken(rest);
            case "topic" -> TopicReader.print(rest);
            case "topics" -> TopicsCommand.run(rest);
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

    static Path projectRoot() {
        return Path.of(System.getProperty("p2pbet.project-root", ".")).toAbsolutePath().normalize();
    }

    /** {@code .local-stack/} in the project, or {@code p2pbet.local-stack.state-dir} (a test's own directory). */
    static Path stateDir() {
        String stateDir = System.getProperty(STATE_DIR_PROPERTY);
        return stateDir == null || stateDir.isBlank() ? projectRoot().resolve(".local-stack")
                : Path.of(stateDir).toAbsolutePath().normalize();
    }

    /** The running stack's broker, else the fixed port of `./platform run`. */
    static String kafkaBootstrapServers() {
        return running().map(RunningStack::kafkaBootstrapServers).orElse("localhost:" + PlatformStack.KAFKA_PORT);
    }

    /** The running stack's registry (core API), else the fixed port of `./platform run`. */
    static String registryUrl() {
        return running().map(RunningStack::registryUrl)
                .orElse("http://localhost:" + PlatformStack.REGISTRY_PORT + "/apis/registry/v2");
    }

    private static Optional<RunningStack> running() {
        return Files.isRegularFile(stateDir().resolve(RunningStack.ENDPOINTS_FILE))
                ? Optional.of(RunningStack.in(stateDir())) : Optional.empty();
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
