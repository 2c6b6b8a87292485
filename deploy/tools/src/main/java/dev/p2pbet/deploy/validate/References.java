package dev.p2pbet.deploy.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * References between the resources of one rendered overlay: what a workload mounts or reads
 * exists, every Service, PodDisruptionBudget, autoscaler, ServiceMonitor and Ingress points at
 * something real. Secrets may also come from a CloudNativePG Cluster ({@code <cluster>-app}) or
 * be created outside the manifests (the overlay's external-secrets list).
 */
final class References {

    private final List<Resource> all;
    private final Set<String> names = new HashSet<>();
    private final Set<String> externalSecrets;

    References(List<Resource> all, Set<String> externalSecrets) {
        this.all = all;
        this.externalSecrets = externalSecrets;
        for (Resource resource : all) {
            names.add(key(resource.kind(), resource.namespace(), resource.name()));
            if ("Cluster".equals(resource.kind()) && resource.apiVersion().startsWith("postgresql.cnpg.io/")) {
                names.add(key("Secret", resource.namespace(), resource.name() + "-app"));
                names.add(key("Secret", resource.namespace(), resource.name() + "-superuser"));
            }
        }
    }

    void check(Resource resource, List<String> problems) {
        String namespace = resource.namespace();
        if (!resource.podTemplate().isMissingNode()) {
            checkWorkload(resource, namespace, problems);
        }
        switch (resource.kind()) {
            case "Service" -> {
                JsonNode selector = resource.tree().path("spec").path("selector");
                if (selector.isObject() && !selector.isEmpty() && !anyPodMatches(namespace, selector)) {
                    problems.add("selector " + selector + " matches no pod template in " + namespace);
                }
            }
            case "PodDisruptionBudget" -> {
                JsonNode selector = resource.tree().path("spec").path("selector").path("matchLabels");
                if (!anyPodMatches(namespace, selector)) {
                    problems.add("selector " + selector + " matches no pod template in " + namespace);
                }
            }
            case "HorizontalPodAutoscaler" -> {
                JsonNode target = resource.tree().path("spec").path("scaleTargetRef");
                requireName(target.path("kind").asText(), namespace, target.path("name").asText(), problems);
            }
            case "ServiceMonitor" -> checkServiceMonitor(resource, namespace, problems);
            case "Ingress" -> resource.tree().path("spec").path("rules").forEach(rule ->
                    rule.path("http").path("paths").forEach(path -> {
                        JsonNode backend = path.path("backend").path("service");
                        checkServicePort(namespace, backend.path("name").asText(), backend.path("port"), problems);
                    }));
            default -> {
            }
        }
    }

    private void checkWorkload(Resource resource, String namespace, List<String> problems) {
        JsonNode pod = resource.podTemplate().path("spec");
        String serviceAccount = pod.path("serviceAccountName").asText("");
        if (!serviceAccount.isEmpty()) {
            requireName("ServiceAccount", namespace, serviceAccount, problems);
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("configMap")) {
                requireName("ConfigMap", namespace, volume.path("configMap").path("name").asText(), problems);
            }
            if (volume.has("secret")) {
                requireSecret(namespace, volume.path("secret").path("secretName").asText(), problems);
            }
        }
        for (JsonNode container : resource.containers()) {
            for (JsonNode from : container.path("envFrom")) {
                if (from.has("configMapRef")) {
                    requireName("ConfigMap", namespace, from.path("configMapRef").path("name").asText(), problems);
                }
                if (from.has("secretRef")) {
                    requireSecret(namespace, from.path("secretRef").path("name").asText(), problems);
                }
            }
            for (JsonNode env : container.path("env")) {
                JsonNode valueFrom = env.path("valueFrom");
                if (valueFrom.has("configMapKeyRef")) {
                    requireName("ConfigMap", namespace, valueFrom.path("configMapKeyRef").path("name").asText(), problems);
                }
                if (valueFrom.has("secretKeyRef")) {
                    requireSecret(namespace, valueFrom.path("secretKeyRef").path("name").asText(), problems);
                }
            }
        }
        JsonNode selector = resource.tree().path("spec").path("selector").path("matchLabels");
        if (!matches(selector, resource.podTemplate().path("metadata").path("labels"))) {
            problems.add("spec.selector " + selector + " does not match its own pod template labels");
        }
    }

    private void checkServiceMonitor(Resource resource, String namespace, List<String> problems) {
        JsonNode selector = resource.tree().path("spec").path("selector").path("matchLabels");
        List<Resource> services = all.stream()
                .filter(r -> "Service".equals(r.kind()) && r.namespace().equals(namespace))
                .filter(r -> matches(selector, r.labels()))
                .toList();
        if (services.isEmpty()) {
            problems.add("selector " + selector + " matches no Service in " + namespace);
            return;
        }
        for (JsonNode endpoint : resource.tree().path("spec").path("endpoints")) {
            String port = endpoint.path("port").asText();
            boolean found = services.stream().anyMatch(service -> hasPort(service, port));
            if (!found) {
                problems.add("endpoint port '" + port + "' is not a named port of the selected Service");
            }
        }
    }

    private void checkServicePort(String namespace, String serviceName, JsonNode port, List<String> problems) {
        Resource service = all.stream()
                .filter(r -> "Service".equals(r.kind()) && r.namespace().equals(namespace) && r.name().equals(serviceName))
                .findFirst().orElse(null);
        if (service == null) {
            problems.add("backend Service " + namespace + "/" + serviceName + " does not exist");
            return;
        }
        String wanted = port.has("name") ? port.path("name").asText() : port.path("number").asText();
        if (!hasPort(service, wanted)) {
            problems.add("backend Service " + serviceName + " has no port " + wanted);
        }
    }

    private static boolean hasPort(Resource service, String nameOrNumber) {
        for (JsonNode port : service.tree().path("spec").path("ports")) {
            if (nameOrNumber.equals(port.path("name").asText()) || nameOrNumber.equals(port.path("port").asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean anyPodMatches(String namespace, JsonNode selector) {
        return all.stream()
                .filter(r -> r.namespace().equals(namespace))
                .map(r -> r.podTemplate().path("metadata").path("labels"))
                .anyMatch(labels -> !labels.isMissingNode() && matches(selector, labels));
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : selector.properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private void requireSecret(String namespace, String name, List<String> problems) {
        if (!names.contains(key("Secret", namespace, name)) && !externalSecrets.contains(name)) {
            problems.add("Secret " + namespace + "/" + name
                    + " is neither rendered, nor made by a CloudNativePG Cluster, nor listed as external");
        }
    }

    private void requireName(String kind, String namespace, String name, List<String> problems) {
        if (!names.contains(key(kind, namespace, name))) {
            problems.add(kind + " " + namespace + "/" + name + " is referenced but not rendered");
        }
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "|" + namespace + "|" + name;
    }
}
