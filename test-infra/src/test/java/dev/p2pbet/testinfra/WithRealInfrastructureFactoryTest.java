package dev.p2pbet.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

import dev.p2pbet.testinfra.spring.RealInfrastructureContextCustomizer;
import dev.p2pbet.testinfra.spring.RealInfrastructureContextCustomizerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** The factory wiring, without starting anything. */
class WithRealInfrastructureFactoryTest {

    private final RealInfrastructureContextCustomizerFactory factory = new RealInfrastructureContextCustomizerFactory();

    @Test
    void isRegisteredInSpringFactories() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ContextCustomizerFactory.class))
                .hasAtLeastOneElementOfType(RealInfrastructureContextCustomizerFactory.class);
    }

    @Test
    void ignoresClassesWithoutTheAnnotation() {
        assertThat(factory.createContextCustomizer(Plain.class, List.of())).isNull();
    }

    @Test
    void customizersAreEqualForTheSameDatabase() {
        ContextCustomizer bet1 = factory.createContextCustomizer(Bet.class, List.of());
        ContextCustomizer bet2 = factory.createContextCustomizer(AlsoBet.class, List.of());
        ContextCustomizer stats = factory.createContextCustomizer(Stats.class, List.of());
        assertThat(bet1).isEqualTo(bet2).hasSameHashCodeAs(bet2).isNotEqualTo(stats);
        assertThat(((RealInfrastructureContextCustomizer) bet1).database()).isEqualTo("bet");
    }

    @Test
    void worksAsMetaAnnotationAndIsInherited() {
        assertThat(factory.createContextCustomizer(MetaAnnotated.class, List.of()))
                .isEqualTo(new RealInfrastructureContextCustomizer("settlement"));
        assertThat(factory.createContextCustomizer(Subclass.class, List.of()))
                .isEqualTo(new RealInfrastructureContextCustomizer("bet"));
    }

    static class Plain {
    }

    @WithRealInfrastructure(database = "bet")
    static class Bet {
    }

    @WithRealInfrastructure(database = "bet")
    static class AlsoBet {
    }

    @WithRealInfrastructure(database = "stats")
    static class Stats {
    }

    static class Subclass extends Bet {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @WithRealInfrastructure(database = "settlement")
    @interface SettlementTest {
    }

    @SettlementTest
    static class MetaAnnotated {
    }
}
