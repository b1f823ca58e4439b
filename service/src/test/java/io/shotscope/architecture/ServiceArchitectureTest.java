package io.shotscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service is a shell around the libraries: api, intake and jobs use core, ml and store, never the
 * other way round; controllers reach the pipeline only through intake and the store.
 */
@AnalyzeClasses(packages = "io.shotscope", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceArchitectureTest {

    private static final String[] SERVICE_PACKAGES = {
        "io.shotscope.service..", "io.shotscope.api..", "io.shotscope.intake..", "io.shotscope.jobs..",
        "io.shotscope.security.."};

    @ArchTest
    static final ArchRule librariesNeverDependOnTheService = noClasses()
            .that().resideInAnyPackage("io.shotscope.video..", "io.shotscope.metrics..", "io.shotscope.analysis..",
                    "io.shotscope.watch..", "io.shotscope.ml..", "io.shotscope.store..")
            .should().dependOnClassesThat().resideInAnyPackage(SERVICE_PACKAGES);

    @ArchTest
    static final ArchRule librariesKnowNoSpringNorJobRunr = noClasses()
            .that().resideInAnyPackage("io.shotscope.video..", "io.shotscope.metrics..", "io.shotscope.analysis..",
                    "io.shotscope.watch..", "io.shotscope.ml..", "io.shotscope.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jobrunr..");

    @ArchTest
    static final ArchRule controllersCallOnlyIntakeAndTheStore = noClasses()
            .that().resideInAPackage("io.shotscope.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.shotscope.jobs..", "org.jobrunr..",
                    "io.shotscope.video..", "io.shotscope.watch..")
            .because("the API submits through ShotIntake and reads the ShotStore; jobs are intake's business");

    @ArchTest
    static final ArchRule configurationKnowsNoneOfTheParts = noClasses()
            .that().resideInAPackage("io.shotscope.service..")
            .should().dependOnClassesThat().resideInAnyPackage("io.shotscope.api..", "io.shotscope.intake..",
                    "io.shotscope.jobs..", "io.shotscope.security..");

    @ArchTest
    static final ArchRule jobsKnowNothingOfHowShotsArrive = noClasses()
            .that().resideInAPackage("io.shotscope.jobs..")
            .should().dependOnClassesThat().resideInAnyPackage("io.shotscope.api..", "io.shotscope.intake..");

    @ArchTest
    static final ArchRule servicePackagesHaveNoCycles = slices()
            .matching("io.shotscope.(service|api|intake|jobs|security)..").should().beFreeOfCycles();
}
