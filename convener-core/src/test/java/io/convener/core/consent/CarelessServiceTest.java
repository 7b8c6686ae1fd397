package io.convener.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentFilter;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import io.convener.core.internal.consent.ConsentEngine;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deliberately careless service: it ranks every member and would like to name them all. Its
 * result type names people only through {@code Disclosed<MemberId>}, so the one way it can build a
 * result is the consent gate's output filter, which drops and counts whoever has not consented.
 */
class CarelessServiceTest {
  static final TenantId ACME = TenantId.of("acme");
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final MemberId CY = MemberId.of("cy");
  static final Purpose CHAMPION = Purpose.CHAMPION_RECOMMENDATION;

  /** A shared output: each champion is named through a disclosed id. */
  record Champion(Disclosed<MemberId> member, double score) {}

  /** The result names the receipts it relied on, and counts whom it left out. */
  record ChampionList(List<Champion> champions, int withheld, List<ConsentRecordId> reliedOn) {}

  /** Ranks everybody by score and tries to name them all. */
  static final class CarelessChampionService {
    private final ConsentEngine gate;

    CarelessChampionService(ConsentEngine gate) {
      this.gate = gate;
    }

    ChampionList champions(TenantId tenant, Map<MemberId, Double> scores) {
      List<MemberId> everybody = scores.keySet().stream()
          .sorted(Comparator.comparing(scores::get).reversed())
          .toList();
      // new Disclosed<>(BO, ...) does not compile (see below), so the gate is the only way to a result.
      Disclosure<MemberId> shown = gate.disclose(tenant, CHAMPION, everybody);
      List<Champion> champions = shown.disclosed().stream()
          .map(d -> new Champion(d, scores.get(d.value())))
          .toList();
      return new ChampionList(champions, shown.withheld(), shown.reliedOn());
    }
  }

  private final GateFixture f = new GateFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aNonConsentedPersonIsLeftOutCountedAndNeverNamed() {
    ConsentRecord ana = f.gate.grant(Principal.of(ACME, "ana", Role.MEMBER), ANA, CHAMPION, "n-1");
    ConsentRecord cy = f.gate.grant(Principal.of(ACME, "cy", Role.MEMBER), CY, CHAMPION, "n-1");
    f.gate.revoke(Principal.of(ACME, "cy", Role.MEMBER), CY, Purpose.PROFILE_SHARE);
    // Bo, the top scorer, never consented.
    ChampionList result = new CarelessChampionService(f.gate)
        .champions(ACME, Map.of(BO, 0.9, ANA, 0.8, CY, 0.5));

    assertThat(result.champions()).extracting(c -> c.member().value()).containsExactly(ANA, CY);
    assertThat(result.champions()).extracting(Champion::score).containsExactly(0.8, 0.5);
    assertThat(result.withheld()).isEqualTo(1);
    assertThat(result.reliedOn()).containsExactly(ana.id(), cy.id());
    assertThat(result.toString()).doesNotContain("bo");
  }

  @Test
  void theServiceCannotMintADisclosureFromTheRecordItHas() {
    f.gate.grant(Principal.of(ACME, "bo", Role.MEMBER), BO, CHAMPION, "n-1");
    f.clock.advance(java.time.Duration.ofSeconds(1));
    f.gate.revoke(Principal.of(ACME, "bo", Role.MEMBER), BO, CHAMPION);
    ConsentRecord current = f.gate.current(ACME, BO, CHAMPION).orElseThrow();
    ConsentRecord oldGrant = f.gate.history(ACME, BO).get(0);

    assertThatThrownBy(() -> ConsentFilter.disclose(current, ACME, CHAMPION, f.clock.instant()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConsentFilter.disclose(oldGrant, ACME, Purpose.PROFILE_SHARE, f.clock.instant()))
        .as("a grant for one purpose is no grant for another").isInstanceOf(IllegalArgumentException.class);
    assertThat(f.gate.disclose(ACME, CHAMPION, List.of(BO)).disclosed()).isEmpty();
  }

  @Test
  void disclosedHasNoPublicConstructorNorFactory() {
    for (Constructor<?> c : Disclosed.class.getDeclaredConstructors()) {
      assertThat(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))
          .as(c.toString()).isFalse();
    }
    assertThat(Disclosed.class.getConstructors()).isEmpty();
    assertThat(Modifier.isFinal(Disclosed.class.getModifiers())).isTrue();
    for (Method m : Disclosed.class.getMethods()) {
      assertThat(Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Disclosed.class)
          .as("public static factory " + m).isFalse();
    }
    for (Constructor<?> c : Disclosure.class.getDeclaredConstructors()) {
      assertThat(Modifier.isPublic(c.getModifiers())).as(c.toString()).isFalse();
    }
  }

  @Test
  void codeThatNamesAPersonWithoutTheGateDoesNotCompile(@TempDir Path dir) throws IOException, URISyntaxException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assumeTrue(javac != null, "no Java compiler in this runtime");
    Path source = dir.resolve("careless/Shortcut.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package careless;

        import io.convener.api.MemberId;
        import io.convener.api.consent.ConsentRecordId;
        import io.convener.api.consent.Disclosed;
        import io.convener.api.consent.Purpose;

        class Shortcut {
          Disclosed<MemberId> nameBo() {
            return new Disclosed<>(MemberId.of("bo"), MemberId.of("bo"), Purpose.CHAMPION_RECOMMENDATION,
                ConsentRecordId.of("made-up"));
          }
        }
        """);
    Path api = Path.of(Disclosed.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      compiled = javac.getTask(null, files, diagnostics,
          List.of("-classpath", api.toString(), "-d", dir.resolve("out").toString(), "-proc:none"), null,
          files.getJavaFileObjects(source)).call();
    }

    assertThat(compiled).isFalse();
    assertThat(diagnostics.getDiagnostics()).anySatisfy(d ->
        assertThat(d.getMessage(null)).contains("Disclosed").contains("not public"));
  }
}
