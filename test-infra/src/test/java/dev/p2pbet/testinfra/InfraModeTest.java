package dev.p2pbet.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InfraModeTest {

    @AfterEach
    void clear() {
        System.clearProperty(InfraMode.SETTING);
    }

    @Test
    void systemPropertyForcesAPath() {
        System.setProperty(InfraMode.SETTING, "embedded");
        assertThat(InfraMode.choose().mode()).isEqualTo(InfraMode.EMBEDDED);
        assertThat(InfraMode.choose().reason()).contains("forced");
        System.setProperty(InfraMode.SETTING, "Containers");
        assertThat(InfraMode.forced()).contains(InfraMode.CONTAINERS);
    }

    @Test
    void rejectsUnknownValues() {
        System.setProperty(InfraMode.SETTING, "mocks");
        assertThatIllegalArgumentException().isThrownBy(InfraMode::forced).withMessageContaining("embedded");
    }
}
