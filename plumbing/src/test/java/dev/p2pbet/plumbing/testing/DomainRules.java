package dev.p2pbet.plumbing.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** Architecture rules every service checks with ArchUnit. */
public final class DomainRules {

    /** The domain (state machine, money, rules) stays plain Java: no framework, schema or SQL reaches it. */
    public static final ArchRule DOMAIN_KNOWS_NO_FRAMEWORK = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "java.sql..",
                    "javax.sql..", "jakarta..", "dev.p2pbet.schemas..", "io.apicurio..")
            .allowEmptyShould(true);

    private DomainRules() {
    }
}
