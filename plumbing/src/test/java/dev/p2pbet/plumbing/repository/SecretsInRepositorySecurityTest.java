package dev.p2pbet.plumbing.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OWASP API8 (security misconfiguration): no secret is committed, and none sits in a ConfigMap. Scans every file
 * git tracks or would add (ignored files, such as the local overlay's generated secret env files, are not part of
 * the repository) for key material, and the configuration files for secret-named keys with a literal value.
 * Secrets reach the services from Kubernetes Secrets ({@code secretKeyRef}), {@code .env} files that
 * {@code deploy/compose/init-env.sh} generates, or the environment.
 *
 * <p>Allowed, each with its reason (docs/security.md): values starting with {@code local-dev} (the wallet
 * simulator's defaults: a stand-in provider that runs only locally and in tests, never in production), and the
 * {@link #EXCEPTIONS} below. Test sources are out of scope: they hold throwaway secrets of servers that live for
 * one test JVM.
 */
class SecretsInRepositorySecurityTest {

    /** path -> why a literal there is not a secret. */
    static final Map<String, String> EXCEPTIONS = Map.of(
            "test-infra/src/main/java/dev/p2pbet/testinfra/embedded/EmbeddedPostgresServer.java",
            "the password of the embedded PostgreSQL that tests and the local stack start on localhost; "
                    + "it holds no real data and never runs in a deployment");

    private static final Pattern KEY_MATERIAL = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----"             // PEM private keys
                    + "|AKIA[0-9A-Z]{16}"                     // AWS access key ids
                    + "|gh[pousr]_[A-Za-z0-9]{36}"            // GitHub tokens
                    + "|xox[abprs]-[A-Za-z0-9-]{10,}"         // Slack tokens
                    + "|whsec_[A-Za-z0-9]{20,}");             // live webhook secrets
    /** {@code key: value} or {@code key=value} where the key names a secret. */
    private static final Pattern SECRET_SETTING = Pattern.compile(
            "^\\s*-?\\s*[\"']?([A-Za-z0-9_.-]*?(password|passwd|secret|api[-_]?key|hook[-_]?key|private[-_]?key"
                    + "|token|credentials?))[\"']?\\s*[:=]\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_IN_JAVA = Pattern.compile(
            "(?i)\\b\\w*(password|passwd|secret|apikey|api_key)\\w*\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAP_SECRET_KEY = Pattern.compile(
            "^\\s+([A-Za-z0-9_.-]*(PASSWORD|SECRET|APIKEY|API_KEY|API-KEY|TOKEN|HOOKKEY|PRIVATE)[A-Za-z0-9_.-]*)\\s*:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONFIG_FILE = Pattern.compile(
            ".*(\\.ya?ml|\\.properties|\\.env|\\.conf|\\.template|\\.sh|\\.toml|\\.json|Dockerfile)$");

    private static Path root;
    private static List<String> files;

    @BeforeAll
    static void listFiles() throws Exception {
        root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assumeTrue(root != null && Files.isDirectory(root.resolve(".git")), "not a git checkout");
        Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard")
                .directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0, "git ls-files failed: " + out);
        files = out.lines().filter(path -> !path.contains("/target/") && !path.startsWith("target/"))
                .filter(path -> Files.isRegularFile(root.resolve(path))).toList();
    }

    @Test
    void scans_the_whole_repository() {
        assertThat(files).contains("pom.xml", "deploy/k8s/base/common-config.yaml").hasSizeGreaterThan(100);
    }

    @Test
    void no_tracked_file_holds_key_material() throws IOException {
        List<String> findings = new ArrayList<>();
        for (String path : files) {
            forEachLine(path, (number, line) -> {
                if (KEY_MATERIAL.matcher(line).find()) {
                    findings.add(path + ":" + number);
                }
            });
        }

        assertThat(findings).as("private keys or tokens in the repository").isEmpty();
    }

    @Test
    void no_configuration_file_sets_a_secret_to_a_literal_value() throws IOException {
        List<String> findings = new ArrayList<>();
        for (String path : files) {
            if (!CONFIG_FILE.matcher(path).matches() || EXCEPTIONS.containsKey(path)) {
                continue;
            }
            forEachLine(path, (number, line) -> {
                Matcher setting = SECRET_SETTING.matcher(line);
                if (!line.trim().startsWith("#") && setting.matches() && isLiteralSecret(setting.group(3))) {
                    findings.add(path + ":" + number + ": " + line.trim());
                }
            });
        }

        assertThat(findings).as("secret-named settings with a literal value").isEmpty();
    }

    @Test
    void no_production_source_embeds_a_secret() throws IOException {
        List<String> findings = new ArrayList<>();
        for (String path : files) {
            if (!path.endsWith(".java") || !path.contains("/src/main/") || EXCEPTIONS.containsKey(path)) {
                continue;
            }
            forEachLine(path, (number, line) -> {
                Matcher secret = SECRET_IN_JAVA.matcher(line);
                if (secret.find() && isLiteralSecret(secret.group(2))) {
                    findings.add(path + ":" + number + ": " + line.trim());
                }
            });
        }

        assertThat(findings).as("secrets in production code").isEmpty();
    }

    @Test
    void no_config_map_carries_a_secret_named_key() throws IOException {
        List<String> findings = new ArrayList<>();
        for (String path : files) {
            if (!path.startsWith("deploy/k8s/") || !path.matches(".*\\.ya?ml$")) {
                continue;
            }
            String[] documents = Files.readString(root.resolve(path)).split("(?m)^---\\s*$");
            for (String document : documents) {
                if (!document.matches("(?s).*(?m:^kind:\\s*ConfigMap\\s*$).*")) {
                    continue;
                }
                document.lines().filter(line -> !line.trim().startsWith("#"))
                        .filter(line -> CONFIG_MAP_SECRET_KEY.matcher(line).find())
                        .forEach(line -> findings.add(path + ": " + line.trim()));
            }
        }

        assertThat(findings).as("ConfigMap keys that name secrets (use a Secret and secretKeyRef)").isEmpty();
    }

    @Test
    void recognises_what_it_looks_for() {
        // Assembled here, so that this file does not hold what it looks for.
        assertThat(KEY_MATERIAL.matcher("-----BEGIN RSA " + "PRIVATE KEY-----").find()).isTrue();
        assertThat(KEY_MATERIAL.matcher("aws_access_key_id = AKIA" + "ABCDEFGHIJKLMNOP").find()).isTrue();
        assertThat(isSecretSetting("  password: hunter2-but-longer")).isTrue();
        assertThat(isSecretSetting("P2PBET_WALLET_WEBHOOK_SECRET=abc123")).isTrue();
        assertThat(isSecretSetting("    api-key: local-dev-sandbox-key")).isFalse();
        assertThat(isSecretSetting("  SPRING_DATASOURCE_PASSWORD: ${POSTGRES_PASSWORD:?run init-env.sh}")).isFalse();
        assertThat(isSecretSetting("POSTGRES_PASSWORD=$(random 32)")).isFalse();
        assertThat(isSecretSetting("    secret: \"\"")).isFalse();
        assertThat(isSecretSetting("automountServiceAccountToken: false")).isFalse();
        assertThat(isSecretSetting("  - apiKey: []")).isFalse();
        assertThat(isSecretSetting("      secretName: api-gateway-tls")).isFalse();
        assertThat(CONFIG_MAP_SECRET_KEY.matcher("  P2PBET_WALLET_WEBHOOK_SECRET: abc").find()).isTrue();
        assertThat(CONFIG_MAP_SECRET_KEY.matcher("  P2PBET_WALLET_PROVIDER_URL: http://x").find()).isFalse();
    }

    private static boolean isSecretSetting(String line) {
        Matcher setting = SECRET_SETTING.matcher(line);
        return setting.matches() && isLiteralSecret(setting.group(3));
    }

    /** A value that is there, is not a reference to somewhere else, and is not a clearly marked local default. */
    static boolean isLiteralSecret(String raw) {
        String value = raw.replaceAll("\\s+#.*$", "").trim().replaceAll("^[\"']|[\"']$", "").trim();
        if (value.isEmpty() || value.equals("[]") || value.equals("|") || value.equals(">")) {
            return false;
        }
        String lower = value.toLowerCase();
        return !(value.startsWith("$") || value.startsWith("{") || value.startsWith("<")
                || value.contains("${") || value.contains("$(")
                || lower.startsWith("local-dev") || lower.equals("true") || lower.equals("false")
                || lower.startsWith("valuefrom") || lower.startsWith("secretkeyref"));
    }

    private interface LineVisitor {
        void visit(int number, String line);
    }

    private static void forEachLine(String path, LineVisitor visitor) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(path), StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            visitor.visit(i + 1, lines.get(i));
        }
    }
}
