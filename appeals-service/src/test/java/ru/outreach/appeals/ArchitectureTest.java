package ru.outreach.appeals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import ru.outreach.kit.outbox.AggregateRoot;

/** Keeps the feature packages honest. */
@AnalyzeClasses(packages = "ru.outreach.appeals", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("ru.outreach.appeals.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule aggregatesKnowNothingOfTheWebOrKafka = noClasses()
            .that().areAssignableTo(AggregateRoot.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.kafka..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule appealsAndInstructionsDoNotKnowWhereTheyCameFrom = noClasses()
            .that().resideInAnyPackage("..appeals.appeal..", "..appeals.instruction..")
            .should().dependOnClassesThat().resideInAnyPackage("..appeals.intake..", "..appeals.territory..",
                    "..appeals.deadline..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule appealsAndInstructionsAreIndependent = noClasses()
            .that().resideInAPackage("..appeals.appeal..")
            .should().dependOnClassesThat().resideInAPackage("..appeals.instruction..");

    @ArchTest
    static final ArchRule termsAndCategoriesStandAlone = noClasses()
            .that().resideInAnyPackage("..appeals.terms..", "..appeals.category..")
            .should().dependOnClassesThat().resideInAnyPackage("..appeals.appeal..", "..appeals.instruction..",
                    "..appeals.intake..");
}
