package ru.outreach.meetings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import ru.outreach.kit.outbox.AggregateRoot;

/** Keeps the feature packages honest. */
@AnalyzeClasses(packages = "ru.outreach.meetings", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("ru.outreach.meetings.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule aggregatesKnowNothingOfTheWebOrKafka = noClasses()
            .that().areAssignableTo(AggregateRoot.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..",
                    "org.apache.kafka..");

    @ArchTest
    static final ArchRule theCalendarStandsAlone = noClasses().that().resideInAPackage("..calendar..")
            .should().dependOnClassesThat().resideInAnyPackage("..meeting..", "..minutes..", "..group..");

    @ArchTest
    static final ArchRule meetingsDoNotDependOnTheirMinutes = noClasses().that().resideInAPackage("..meeting..")
            .should().dependOnClassesThat().resideInAPackage("..minutes..");
}
