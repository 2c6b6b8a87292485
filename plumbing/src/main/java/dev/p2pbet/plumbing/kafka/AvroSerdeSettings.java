package dev.p2pbet.plumbing.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * Apicurio serde settings that write and read the Confluent wire format (magic byte 0, 4-byte
 * schema id, Avro body), so tools of the Confluent ecosystem read our topics through the
 * registry's {@code /apis/ccompat/v7} API. See docs/adr/0001.
 */
public final class AvroSerdeSettings {

    public static final String REGISTRY_URL = "apicurio.registry.url";
    public static final String AUTO_REGISTER = "apicurio.registry.auto-register";
    public static final String AS_CONFLUENT = "apicurio.registry.as-confluent";
    public static final String USE_ID = "apicurio.registry.use-id";
    public static final String HEADERS_ENABLED = "apicurio.registry.headers.enabled";
    public static final String SPECIFIC_READER = "apicurio.registry.use-specific-avro-reader";
    public static final String DATUM_PROVIDER = "apicurio.registry.avro-datum-provider";

    private AvroSerdeSettings() {
    }

    public static Map<String, Object> serializer(String registryUrl, boolean autoRegister) {
        Map<String, Object> settings = common(registryUrl);
        settings.put(AUTO_REGISTER, autoRegister);
        return settings;
    }

    public static Map<String, Object> deserializer(String registryUrl) {
        Map<String, Object> settings = common(registryUrl);
        settings.put(SPECIFIC_READER, true);
        settings.put(DATUM_PROVIDER, ReusedAvroDatumReaders.class.getName());
        return settings;
    }

    private static Map<String, Object> common(String registryUrl) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(REGISTRY_URL, registryUrl);
        settings.put(AS_CONFLUENT, true);
        settings.put(USE_ID, "contentId");
        settings.put(HEADERS_ENABLED, false);
        return settings;
    }
}
