package io.convener.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.api.profile.Profile;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.core.Conveners;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal data is read only under consent, every read is logged, and erasure keeps the log verifiable. */
class ProfileServiceTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final MemberId ANA = MemberId.of("ana");
  private static final String EMAIL = "ana.lovelace@example.org";
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  private static final Principal AUDITOR = Principal.of(ACME, "audit", Role.COMPLIANCE_OFFICER);

  @TempDir Path dir;

  private Convener open() {
    return Conveners.builder().database("jdbc:h2:file:" + dir.resolve("db")).build();
  }

  private static List<ProvenanceEntry> entries(Convener c, String activity) {
    return c.provenance().query(AUDITOR, ProvenanceQuery.builder().activity(activity).build()).entries();
  }

  @Test
  void readsNeedConsentAreLoggedAndErasureShredsWhileTheLogStillVerifies() throws Exception {
    try (Convener c = open()) {
      c.ingest().submit(ADMIN, List.of(Member.builder(ANA).displayName("Ana Lovelace").email(EMAIL).build()), List.of());

      assertThat(c.profiles().find(ADMIN, ANA)).as("no consent yet").isEmpty();

      c.consent().grant(Principal.of(ACME, "ana", Role.MEMBER), ANA, Purpose.PROFILE_SHARE, "notice-1");
      Profile shared = c.profiles().find(ADMIN, ANA).orElseThrow();
      assertThat(shared.email()).contains(EMAIL);
      assertThat(shared.member().record()).isNotNull();
      assertThat(shared.toString()).doesNotContain(EMAIL);

      assertThat(c.profiles().erase(ADMIN, ANA)).isTrue();
      Profile after = c.profiles().find(ADMIN, ANA).orElseThrow();
      assertThat(after.email()).isEmpty();
      assertThat(after.displayName()).isEmpty();

      assertThat(entries(c, DefaultProfileService.READ)).hasSize(3)
          .allSatisfy(e -> assertThat(e.used()).containsExactly("member:ana"));
      assertThat(entries(c, DefaultProfileService.ERASE)).singleElement()
          .satisfies(e -> assertThat(e.outcome().status()).isEqualTo(Outcome.Status.OK));
      assertThat(c.provenance().verify(AUDITOR).verified()).isTrue();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.getFileName().toString()).doesNotContain(EMAIL);
      }
    }
  }

  @Test
  void onlyAnAdminOrTheMemberThemselfMayEraseAndARefusalIsLogged() {
    try (Convener c = open()) {
      c.ingest().submit(ADMIN, List.of(Member.builder(ANA).email(EMAIL).build()), List.of());

      assertThatThrownBy(() -> c.profiles().erase(Principal.of(ACME, "bo", Role.MEMBER), ANA))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> c.profiles().erase(Principal.of(ACME, "lead", Role.TEAM_LEAD), ANA))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(c.profiles().erase(Principal.of(ACME, "ana", Role.MEMBER), ANA)).isTrue();

      assertThat(entries(c, DefaultProfileService.ERASE)).extracting(e -> e.outcome().status())
          .containsExactly(Outcome.Status.DENIED, Outcome.Status.DENIED, Outcome.Status.OK);
    }
  }

  @Test
  void anotherTenantsPrincipalNeverSeesTheProfile() {
    try (Convener c = open()) {
      c.ingest().submit(ADMIN, List.of(Member.builder(ANA).email(EMAIL).build()), List.of());
      c.consent().grant(Principal.of(ACME, "ana", Role.MEMBER), ANA, Purpose.PROFILE_SHARE, "notice-1");

      assertThat(c.profiles().find(Principal.of(TenantId.of("globex"), "admin", Role.ADMIN), ANA)).isEmpty();
    }
  }
}
