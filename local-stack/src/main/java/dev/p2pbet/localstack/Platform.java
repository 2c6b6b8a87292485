package dev.p2pbet.localstack;

import dev.p2pbet.plumbing.security.DevTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** `./platform run` starts the local stack; `./platform token USER` mints a JWT for it. */
public final class Platform {

    private Platform() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run" -> LocalStack.main(args);
            case "token" -> printToken(args);
            default -> {
                System.err.println("usage: ./platform run | ./platform token USER_ID");
                System.exit(2);
            }
        }
    }

    private static void printToken(String[] args) throws Exception {
        if (args.length != 2 || args[1].isBlank()) {
            System.err.println("usage: ./platform token USER_ID");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("p2pbet.project-root", ".")).toAbsolutePath().normalize();
        Path secretFile = root.resolve(".local-stack").resolve("dev-signing-secret");
        if (!Files.exists(secretFile)) {
            System.err.println("No local stack has run here yet: start it with ./platform run");
            System.exit(1);
        }
        String secret = Files.readString(secretFile).trim();
        System.out.println(DevTokens.mint(args[1], secret, DevTokens.DEFAULT_ISSUER, Duration.ofHours(12)));
    }
}
