package io.convener.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
  @ParameterizedTest
  @ValueSource(strings = {"", " ", " a", "a ", "a\nb", "a\u0000b", "a\ud800", "\udc00b", "a\udc00\ud800b"})
  void rejectsUnusableIds(String value) {
    assertThatThrownBy(() -> MemberId.of(value)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member id");
    assertThatThrownBy(() -> EventId.of(value)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event id");
  }

  @Test
  void acceptsCharactersOutsideTheBasicPlane() {
    assertThat(MemberId.of("m-\ud83d\ude00").value()).hasSize(4);
  }

  @Test
  void rejectsIdsLongerThanTheLimit() {
    assertThat(MemberId.of("m".repeat(200)).value()).hasSize(200);
    assertThatThrownBy(() -> MemberId.of("m".repeat(201))).hasMessageContaining("at most 200");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-acme", "ac me", "acme/eu", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ümlaut"})
  void tenantIdsAreSafeInFileNamesAndUrls(String value) {
    assertThatThrownBy(() -> TenantId.of(value)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant id");
  }

  @Test
  void identifiersOfDifferentKindsAreNeverEqual() {
    assertThat((Object) MemberId.of("x")).isNotEqualTo(EventId.of("x"));
    assertThat(MemberId.of("x")).isEqualTo(MemberId.of("x"));
  }

  @Test
  void orgUnitsRollUpToTheirAncestors() {
    OrgUnit db = OrgUnit.of("eng/platform/db");

    assertThat(db.selfAndAncestors()).extracting(OrgUnit::path).containsExactly("eng/platform/db", "eng/platform", "eng");
    assertThat(db.isWithin(OrgUnit.of("eng"))).isTrue();
    assertThat(db.isWithin(OrgUnit.of("eng/platform/db"))).isTrue();
    assertThat(OrgUnit.of("engineering").isWithin(OrgUnit.of("eng"))).isFalse();
    assertThat(OrgUnit.of("eng").parent()).isEmpty();
    assertThat(List.of("/eng", "eng/", "eng//db", "eng/ db")).allSatisfy(bad ->
        assertThatThrownBy(() -> OrgUnit.of(bad)).isInstanceOf(IllegalArgumentException.class));
  }
}
