package dev.p2pbet.settlement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain (state machine, money, rules) stays plain Java: no framework reaches it. */
@AnalyzeClasses(packages = "dev.p2pbet.settlement", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_knows_no_framework = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "java.sql..",
                    "javax.sql..", "jakarta..", "dev.p2pbet.schemas..", "io.apicurio..")
            .allowEmptyShould(true);
}
