package io.shotscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core is a plain library: no framework, no neural-net engine, no database, no CLI. */
@AnalyzeClasses(packages = "io.shotscope", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNoSpringDjlOrJdbc = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "ai.djl..", "java.sql..", "javax.sql..", "org.jobrunr..",
                    "picocli..", "jakarta.servlet..")
            .because("the core must stay a framework-free library; service, CLI and ML are thin shells over it");

    @ArchTest
    static final ArchRule decodingKnowsNothingOfMetricsOrAnalysis = noClasses()
            .that().resideInAPackage("io.shotscope.video..")
            .should().dependOnClassesThat().resideInAnyPackage("io.shotscope.metrics..", "io.shotscope.analysis..");

    @ArchTest
    static final ArchRule metricsKnowNothingOfAnalysisOrDecoders = noClasses()
            .that().resideInAPackage("io.shotscope.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("io.shotscope.analysis..", "org.bytedeco..");
}
