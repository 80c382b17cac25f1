package io.starbridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import org.junit.jupiter.api.Test;

/** Keeps the map true: who may depend on whom, and that no endpoint forgets its access rule. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.starbridge");

  @Test
  void everyControllerDeclaresWhoMayCallIt() {
    classes()
        .that()
        .areAnnotatedWith(Controller.class)
        .should()
        .beAnnotatedWith(Secured.class)
        .check(CLASSES);
  }

  @Test
  void commonAndMarkdownDependOnNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage("io.starbridge.common..", "io.starbridge.markdown..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.starbridge.account..",
            "io.starbridge.board..",
            "io.starbridge.topic..",
            "io.starbridge.post..",
            "io.starbridge.draft..",
            "io.starbridge.group..",
            "io.starbridge.profile..",
            "io.starbridge.work..",
            "io.starbridge.feed..",
            "io.starbridge.notify..",
            "io.starbridge.search..",
            "io.starbridge.moderation..")
        .check(CLASSES);
  }

  @Test
  void securityReadsNoOtherFeatureLogic() {
    noClasses()
        .that()
        .resideInAPackage("io.starbridge.security..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.starbridge.account..",
            "io.starbridge.feed..",
            "io.starbridge.notify..",
            "io.starbridge.search..")
        .check(CLASSES);
  }

  @Test
  void rolesAreJudgedOnlyByTheGuardian() {
    // The forum features ask the Guardian; they never look at a role themselves.
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.starbridge.board..",
            "io.starbridge.topic..",
            "io.starbridge.post..",
            "io.starbridge.draft..",
            "io.starbridge.group..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.starbridge.security.Role")
        .check(CLASSES);
  }

  @Test
  void securityReadsForumFeaturesOnlyThroughTheirEntityRecords() {
    DescribedPredicate<JavaClass> featureLogic =
        JavaClass.Predicates.resideInAnyPackage(
                "io.starbridge.board..",
                "io.starbridge.topic..",
                "io.starbridge.post..",
                "io.starbridge.draft..",
                "io.starbridge.group..")
            .and(
                DescribedPredicate.describe(
                    "neither record nor enum", c -> !c.isRecord() && !c.isEnum()));
    noClasses()
        .that()
        .resideInAPackage("io.starbridge.security..")
        .should()
        .dependOnClassesThat(featureLogic)
        .check(CLASSES);
  }
}
