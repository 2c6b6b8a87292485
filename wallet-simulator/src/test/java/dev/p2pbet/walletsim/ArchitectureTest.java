package dev.p2pbet.walletsim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The gas model, the transfer state machine, the signature and the fault dice stay plain Java. */
@AnalyzeClasses(packages = "dev.p2pbet.walletsim", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_knows_no_framework = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta..", "tools.jackson..",
                    "com.fasterxml..", "io.micrometer..", "dev.p2pbet.walletsim.web..");

    @ArchTest
    static final ArchRule domain_stays_inside_the_domain = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("..domain..", "java..", "javax.crypto..");
}
