package dev.p2pbet.stats;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.p2pbet.plumbing.testing.DomainRules;

@AnalyzeClasses(packages = "dev.p2pbet.stats", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_knows_no_framework = DomainRules.DOMAIN_KNOWS_NO_FRAMEWORK;
}
