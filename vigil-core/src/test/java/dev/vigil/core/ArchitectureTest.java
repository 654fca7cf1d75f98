package dev.vigil.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of STYLE.md §In Vigil 1–2, enforced: imports flow event → enrich → profile → signal → score → policy. */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.vigil.core");

  @Test
  void coreUsesNoFrameworkNoJdbcNoKafka() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "java.sql..", "javax.sql..", "org.apache.kafka..", "jakarta..")
        .check(CORE);
  }

  @Test
  void coreNeverReadsTheWallClock() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Clock.class, "systemUTC")
        .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
        .check(CORE);
  }

  @Test
  void featurePackagesNeverImportTheFacade() {
    noClasses().that().resideInAnyPackage("dev.vigil.core.event..", "dev.vigil.core.enrich..",
            "dev.vigil.core.profile..", "dev.vigil.core.signal..", "dev.vigil.core.score..", "dev.vigil.core.policy..")
        .should().dependOnClassesThat().resideInAPackage("dev.vigil.core")
        .check(CORE);
  }

  @Test
  void importsFlowOneWay() {
    String[] order = {"event", "enrich", "profile", "signal", "score", "policy"};
    for (int i = 0; i < order.length; i++) {
      for (int j = i + 1; j < order.length; j++) {
        noClasses().that().resideInAPackage("dev.vigil.core." + order[i] + "..")
            .should().dependOnClassesThat().resideInAPackage("dev.vigil.core." + order[j] + "..")
            .because(order[i] + " comes before " + order[j])
            .check(CORE);
      }
    }
  }

  @Test
  void noFeaturePackageImportsReplay() {
    noClasses().that().resideOutsideOfPackage("dev.vigil.core.replay..")
        .should().dependOnClassesThat().resideInAPackage("dev.vigil.core.replay..")
        .check(CORE);
  }
}
