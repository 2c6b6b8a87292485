package dev.p2pbet.deploy.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One rendered Kubernetes object. */
record Resource(ObjectNode tree) {

    String apiVersion() {
        return tree.path("apiVersion").asText("");
    }

    String kind() {
        return tree.path("kind").asText("");
    }

    String name() {
        return tree.path("metadata").path("name").asText("");
    }

    String namespace() {
        return tree.path("metadata").path("namespace").asText("");
    }

    JsonNode labels() {
        return tree.path("metadata").path("labels");
    }

    boolean partOfPlatform() {
        return "p2pbet".equals(labels().path("app.kubernetes.io/part-of").asText());
    }

    /** The pod template of a workload, or a missing node. */
    JsonNode podTemplate() {
        return switch (kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" -> tree.path("spec").path("template");
            case "Job" -> tree.path("spec").path("template");
            default -> MissingNode.getInstance();
        };
    }

    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        podTemplate().path("spec").path("initContainers").forEach(containers::add);
        podTemplate().path("spec").path("containers").forEach(containers::add);
        return containers;
    }

    String describe() {
        String namespace = namespace().isEmpty() ? "" : namespace() + "/";
        return kind() + " " + namespace + name();
    }
}
