package dev.p2pbet.deploy.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The house rules for what we deploy (STYLE.md, ops hygiene), checked on top of the schemas:
 * non-root, read-only root filesystem, resources, the three probes on the actuator groups,
 * graceful shutdown, and secrets only from Secrets.
 */
final class PlatformRules {

    /** Environment variables that hold secrets: their value must come from a Secret. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*|.*KEY");

    private PlatformRules() {
    }

    static void check(Resource resource, List<String> problems) {
        if ("ConfigMap".equals(resource.kind())) {
            resource.tree().path("data").fieldNames().forEachRemaining(key -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    problems.add("ConfigMap key " + key + " looks like a secret: put it in a Secret");
                }
            });
        }
        if (resource.podTemplate().isMissingNode()) {
            return;
        }
        for (JsonNode container : resource.containers()) {
            checkSecretsFromSecrets(container, problems);
        }
        if (!resource.partOfPlatform()) {
            return;
        }
        JsonNode pod = resource.podTemplate().path("spec");
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
            problems.add("pod securityContext.runAsNonRoot must be true");
        }
        boolean service = "service".equals(resource.labels().path("app.kubernetes.io/component").asText());
        if (service && !pod.has("terminationGracePeriodSeconds")) {
            problems.add("terminationGracePeriodSeconds must be set (graceful shutdown)");
        }
        for (JsonNode container : resource.containers()) {
            String name = "container " + container.path("name").asText();
            JsonNode security = container.path("securityContext");
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(name + ": securityContext.readOnlyRootFilesystem must be true");
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(name + ": securityContext.allowPrivilegeEscalation must be false");
            }
            if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                problems.add(name + ": securityContext.capabilities.drop must include ALL");
            }
            JsonNode resources = container.path("resources");
            if (!resources.path("requests").has("cpu") || !resources.path("requests").has("memory")
                    || !resources.path("limits").has("memory")) {
                problems.add(name + ": resources need requests.cpu, requests.memory and limits.memory");
            }
            if (service) {
                requireProbe(container, "startupProbe", "/actuator/health/liveness", name, problems);
                requireProbe(container, "livenessProbe", "/actuator/health/liveness", name, problems);
                requireProbe(container, "readinessProbe", "/actuator/health/readiness", name, problems);
                if (container.path("lifecycle").path("preStop").isMissingNode()) {
                    problems.add(name + ": lifecycle.preStop must let the endpoints drain before shutdown");
                }
            }
        }
    }

    private static void requireProbe(JsonNode container, String probe, String path, String name, List<String> problems) {
        String actual = container.path(probe).path("httpGet").path("path").asText("");
        if (!path.equals(actual)) {
            problems.add(name + ": " + probe + " must be an httpGet on " + path + " (is '" + actual + "')");
        }
    }

    private static void checkSecretsFromSecrets(JsonNode container, List<String> problems) {
        for (JsonNode env : container.path("env")) {
            String variable = env.path("name").asText();
            if (SECRET_NAME.matcher(variable).matches()) {
                boolean fromSecret = env.path("valueFrom").has("secretKeyRef");
                if (!fromSecret) {
                    problems.add("container " + container.path("name").asText() + ": env " + variable
                            + " must come from a Secret (valueFrom.secretKeyRef), never a literal or a ConfigMap");
                }
            }
        }
    }
}
