package ru.outreach.meetings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.data.mongodb.core.MongoOperations;

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

    /** The audit of reads of citizens' details is append-only: its package inserts and finds, never more. */
    @ArchTest
    static final ArchRule theAuditIsAppendOnly = noClasses().that().resideInAPackage("..audit..")
            .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(MongoOperations.class)))
                    .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                            "save|update.*|upsert|remove|findAndModify|findAndRemove|findAllAndRemove|findAndReplace"
                                    + "|replace|bulkOps|dropCollection|execute|executeCommand"))));

    /** Only the audit package writes to its collection. */
    @ArchTest
    static final ArchRule onlyTheAuditKnowsItsRecords = noClasses().that().resideOutsideOfPackage("..audit..")
            .should().dependOnClassesThat().haveSimpleName("PersonalDataRead");
}
