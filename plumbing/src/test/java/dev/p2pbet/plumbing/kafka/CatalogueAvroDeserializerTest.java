package dev.p2pbet.plumbing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.rest.v2.beans.Error;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class CatalogueAvroDeserializerTest {

    /** Confluent wire format: magic byte 0, schema id 42, an Avro body. */
    private static final byte[] RECORD_OF_SCHEMA_42 = {0, 0, 0, 0, 42, 2, 4, 6};

    @Test
    void a_registry_that_cannot_be_reached_is_unavailable_not_a_poison_record() throws IOException {
        try (CatalogueAvroDeserializer deserializer = new CatalogueAvroDeserializer()) {
            deserializer.configure(AvroSerdeSettings.deserializer("http://localhost:" + closedPort()
                    + "/apis/registry/v2"), false);

            assertThatThrownBy(() -> deserializer.deserialize("bet.events", RECORD_OF_SCHEMA_42))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .hasMessageContaining("bet.events");
        }
    }

    @Test
    void no_answer_a_server_error_or_throttling_mean_the_registry_is_unavailable() {
        assertThat(CatalogueAvroDeserializer.registryUnavailable(error(null, "ConnectException"))).isTrue();
        assertThat(CatalogueAvroDeserializer.registryUnavailable(error(503, "ServiceUnavailable"))).isTrue();
        assertThat(CatalogueAvroDeserializer.registryUnavailable(error(429, "TooManyRequests"))).isTrue();
    }

    @Test
    void an_unknown_schema_id_is_the_records_fault() {
        assertThat(CatalogueAvroDeserializer.registryUnavailable(error(404, "ContentNotFoundException"))).isFalse();
    }

    private static Error error(Integer status, String name) {
        Error error = new Error();
        error.setErrorCode(status);
        error.setName(name);
        return error;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
