package dev.p2pbet.deploy.validate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema of every kind the platform deploys, each from its upstream project. A kind not
 * listed here has no schema and fails validation (as kubeconform without
 * {@code -ignore-missing-schemas}): adding a kind to the manifests means adding its schema here.
 */
final class Schemas {

    static final String KUBERNETES = "kubernetes 1.34 (client-java-api 25.0.0)";
    static final String STRIMZI = "strimzi 0.51.0 api";
    static final String PROMETHEUS_OPERATOR = "prometheus-operator (fabric8 monitoring model 7.5.2)";
    static final String CLOUDNATIVE_PG = "cloudnative-pg Cluster (schemas/cnpg-cluster-v1.json)";

    /** Built-in kinds: the Kubernetes Java client's models, generated from the Kubernetes OpenAPI document. */
    private static final Map<String, Class<?>> KUBERNETES_KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
            Map.entry("batch/v1/Job", V1Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class));

    /** Custom resources with a Java model: read strictly, so an unknown field is an error. */
    private static final Map<String, Model> MODEL_KINDS = Map.of(
            "kafka.strimzi.io/v1/Kafka", new Model(Kafka.class, STRIMZI),
            "kafka.strimzi.io/v1/KafkaNodePool", new Model(KafkaNodePool.class, STRIMZI),
            "kafka.strimzi.io/v1/KafkaTopic", new Model(KafkaTopic.class, STRIMZI),
            "monitoring.coreos.com/v1/ServiceMonitor", new Model(ServiceMonitor.class, PROMETHEUS_OPERATOR),
            "monitoring.coreos.com/v1/PodMonitor", new Model(PodMonitor.class, PROMETHEUS_OPERATOR));

    private record Model(Class<?> type, String source) {
    }

    private final ObjectMapper strict = JsonMapper.builder()
            // The models keep unknown fields in an "any setter" map (as the operators do, with a
            // warning); here an unknown field must fail, as kubeconform -strict does.
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private final Schema cloudNativePgCluster = jsonSchema("schemas/cnpg-cluster-v1.json");

    /** Checks one resource against its kind's schema; answers which schema it was. */
    Optional<String> validate(Resource resource, List<String> problems) {
        String key = resource.apiVersion() + "/" + resource.kind();
        Class<?> kubernetesModel = KUBERNETES_KINDS.get(key);
        if (kubernetesModel != null) {
            validateKubernetes(kubernetesModel, resource, problems);
            return Optional.of(KUBERNETES);
        }
        Model model = MODEL_KINDS.get(key);
        if (model != null) {
            validateModel(model.type(), resource, problems);
            return Optional.of(model.source());
        }
        if ("postgresql.cnpg.io/v1/Cluster".equals(key)) {
            for (Error error : cloudNativePgCluster.validate(resource.tree())) {
                problems.add(error.getInstanceLocation() + ": " + error.getMessage());
            }
            return Optional.of(CLOUDNATIVE_PG);
        }
        problems.add("no schema for " + key + " (add it to " + Schemas.class.getSimpleName() + ")");
        return Optional.empty();
    }

    private static void validateKubernetes(Class<?> model, Resource resource, List<String> problems) {
        JsonElement json = JsonParser.parseString(resource.tree().toString());
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, json);
        } catch (InvocationTargetException e) {
            problems.add(shorten(e.getCause().getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("client-java model without validateJsonElement: " + model, e);
        }
    }

    private void validateModel(Class<?> model, Resource resource, List<String> problems) {
        try {
            strict.treeToValue(resource.tree(), model);
        } catch (JsonMappingException e) {
            problems.add(path(e) + ": " + shorten(e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(shorten(e.getMessage()));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('/').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('/').append(reference.getIndex());
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    /** client-java appends the whole offending object to its messages; the field and type are enough. */
    private static String shorten(String message) {
        if (message == null) {
            return "invalid";
        }
        int json = message.indexOf(" JSON: ");
        String text = json > 0 ? message.substring(0, json) : message;
        text = text.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static Schema jsonSchema(String resource) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
