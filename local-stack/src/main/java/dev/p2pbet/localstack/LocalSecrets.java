package dev.p2pbet.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets of one local run, fresh at every start and kept in {@code .local-stack/} (gitignored)
 * for `./platform token` and the README's curl walk-throughs: nothing secret is ever committed.
 */
record LocalSecrets(String jwtSigningSecret, String webhookSecret, String providerApiKey, String sandboxKey,
                    String cognitoHookKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static LocalSecrets createIn(Path stateDir) throws IOException {
        LocalSecrets secrets = new LocalSecrets(random(), random(), random(), random(), random());
        Files.writeString(stateDir.resolve("dev-signing-secret"), secrets.jwtSigningSecret());
        Files.writeString(stateDir.resolve("sandbox-key"), secrets.sandboxKey());
        Files.writeString(stateDir.resolve("cognito-hook-key"), secrets.cognitoHookKey());
        return secrets;
    }

    /** The secrets a running stack wrote (the signing secret, the sandbox and hook keys; the others stay in memory). */
    static LocalSecrets readFrom(Path stateDir) throws IOException {
        return new LocalSecrets(read(stateDir, "dev-signing-secret"), null, null, read(stateDir, "sandbox-key"),
                read(stateDir, "cognito-hook-key"));
    }

    private static String read(Path stateDir, String name) throws IOException {
        return Files.readString(stateDir.resolve(name)).trim();
    }

    private static String random() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
