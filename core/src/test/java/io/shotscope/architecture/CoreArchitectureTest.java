package io.shotscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.shotscope.video.DecodeOptions;
import io.shotscope.video.ImageSequence;
import io.shotscope.video.PlateSource;
import io.shotscope.video.PlateSources;

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
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.shotscope.metrics..", "io.shotscope.analysis..", "io.shotscope.watch..");

    @ArchTest
    static final ArchRule dropFolderIsPlainJavaOverTheSequenceNaming = classes()
            .that().resideInAPackage("io.shotscope.watch..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "io.shotscope.watch..", "io.shotscope.video..")
            .because("the drop folder polls with java.nio and java.util.concurrent only (no file-watching or"
                    + " scheduling library) and reuses the video package's naming of plates, without decoding");

    @ArchTest
    static final ArchRule dropFolderOpensNoPlate = noClasses()
            .that().resideInAPackage("io.shotscope.watch..")
            .should().callMethod(PlateSources.class, "open", String.class, DecodeOptions.class)
            .orShould().callMethod(ImageSequence.class, "resolve", String.class)
            .orShould().dependOnClassesThat().areAssignableTo(PlateSource.class)
            .because("the watcher judges files by name, size and time; decoding is the consumer's job");

    @ArchTest
    static final ArchRule metricsKnowNothingOfAnalysisOrDecoders = noClasses()
            .that().resideInAPackage("io.shotscope.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("io.shotscope.analysis..", "org.bytedeco..");
}
