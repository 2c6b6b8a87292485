package dev.p2pbet.deploy.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates rendered Kubernetes manifests (the output of {@code kubectl kustomize}): every
 * resource against the schema of its kind (no schema = error, unknown field = error), then the
 * platform's own rules ({@link PlatformRules}) and the references between resources
 * ({@link References}).
 *
 * <p>Usage: {@code ManifestValidator [--external-secrets=FILE] rendered.yaml ...}. An
 * {@code --external-secrets} file names the Secrets created outside the manifests (one per line)
 * and applies to the rendered files after it. Exit status 1 when anything is wrong.
 */
public final class ManifestValidator {

    private ManifestValidator() {
    }

    public static void main(String[] args) throws IOException {
        Schemas schemas = new Schemas();
        Set<String> externalSecrets = Set.of();
        int resources = 0;
        int failures = 0;
        for (String arg : args) {
            if (arg.startsWith("--external-secrets=")) {
                externalSecrets = readNames(Path.of(arg.substring("--external-secrets=".length())));
                continue;
            }
            Path file = Path.of(arg);
            List<Resource> rendered = read(file);
            String overlay = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            System.out.printf("%n== %s (%s): %d resources%n", overlay, file, rendered.size());
            References references = new References(rendered, externalSecrets);
            for (Resource resource : rendered) {
                List<String> problems = new ArrayList<>();
                Optional<String> schema = schemas.validate(resource, problems);
                PlatformRules.check(resource, problems);
                references.check(resource, problems);
                resources++;
                if (problems.isEmpty()) {
                    System.out.printf("  ok    %-44s %s%n", resource.describe(), schema.orElse(""));
                } else {
                    failures++;
                    System.out.printf("  FAIL  %-44s %s%n", resource.describe(), schema.orElse("no schema"));
                    problems.forEach(problem -> System.out.printf("          - %s%n", problem));
                }
            }
            printKinds(rendered);
        }
        System.out.printf("%nmanifest validation: %d resources checked, %d with errors%n", resources, failures);
        if (resources == 0 || failures > 0) {
            System.exit(1);
        }
    }

    private static List<Resource> read(Path file) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<Resource> resources = new ArrayList<>();
        try (var parser = yaml.createParser(file.toFile())) {
            var documents = yaml.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object && !object.isEmpty()) {
                    resources.add(new Resource(object));
                }
            }
        }
        return resources;
    }

    private static Set<String> readNames(Path file) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file)) {
            String name = line.replaceFirst("#.*", "").trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static void printKinds(List<Resource> rendered) {
        Map<String, Integer> kinds = new TreeMap<>();
        rendered.forEach(resource -> kinds.merge(resource.kind(), 1, Integer::sum));
        StringBuilder line = new StringBuilder("  kinds:");
        kinds.forEach((kind, count) -> line.append(' ').append(kind).append('=').append(count));
        System.out.println(line);
    }
}
