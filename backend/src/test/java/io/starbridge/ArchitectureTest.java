package io.starbridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering STYLE.md asks for, kept true by the build. */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.starbridge");

  private static final String[] FEATURES = {
    "io.starbridge.account..", "io.starbridge.board..", "io.starbridge.topic..", "io.starbridge.post..", "io.starbridge.draft.."
  };

  @Test
  void commonAndMarkdownDependOnNoFeature() {
    noClasses().that().resideInAnyPackage("io.starbridge.common..", "io.starbridge.markdown..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .check(MAIN);
  }

  @Test
  void rolesAreJudgedOnlyByTheGuardian() {
    // Features ask the Guardian; only security (and the account feature that grants roles) reads them.
    noClasses().that().resideInAnyPackage("io.starbridge.board..", "io.starbridge.topic..", "io.starbridge.post..", "io.starbridge.draft..")
        .should().dependOnClassesThat().haveFullyQualifiedName("io.starbridge.security.Role")
        .check(MAIN);
  }

  @Test
  void securityReadsFeaturesOnlyThroughTheirEntityRecords() {
    DescribedPredicate<JavaClass> featureServices =
        JavaClass.Predicates.resideInAnyPackage(FEATURES)
            .and(DescribedPredicate.describe("neither record nor enum", c -> !c.isRecord() && !c.isEnum()));
    noClasses().that().resideInAPackage("io.starbridge.security..")
        .should().dependOnClassesThat(featureServices)
        .check(MAIN);
  }
}
