package io.convener.api.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsentRecordTest {
  static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

  static ConsentRecord.Builder grant() {
    return ConsentRecord.builder()
        .id(ConsentRecordId.of("r-1"))
        .tenant(TenantId.of("acme"))
        .subject(MemberId.of("ana"))
        .purpose(Purpose.CHAMPION_RECOMMENDATION)
        .decision(ConsentDecision.GRANTED)
        .noticeVersion("notice-2026-01")
        .method(ConsentMethod.API)
        .recordedBy("ana")
        .at(T);
  }

  @Test
  void aGrantIsInForceUntilItExpires() {
    ConsentRecord open = grant().build();
    assertThat(open.inForceAt(T)).isTrue();
    assertThat(open.inForceAt(Instant.MAX)).isTrue();

    ConsentRecord expiring = grant().expiresAt(T.plusSeconds(60)).build();
    assertThat(expiring.inForceAt(T.plusSeconds(59))).isTrue();
    assertThat(expiring.inForceAt(T.plusSeconds(60))).as("expired at its expiry instant").isFalse();
  }

  @Test
  void aRevocationIsNeverInForce() {
    ConsentRecord revoked = grant().decision(ConsentDecision.REVOKED).build();
    assertThat(revoked.inForceAt(T)).isFalse();
  }

  @Test
  void badCombinationsFailFast() {
    assertThatThrownBy(() -> grant().decision(ConsentDecision.REVOKED).expiresAt(T.plusSeconds(1)).build())
        .hasMessageContaining("only a grant can expire");
    assertThatThrownBy(() -> grant().expiresAt(T).build()).hasMessageContaining("must be after at");
    assertThatThrownBy(() -> grant().method(ConsentMethod.INTERCHANGE_EVENT).build())
        .hasMessageContaining("sourceEvent");
    assertThatThrownBy(() -> grant().sourceEvent(EventId.of("e-1")).build()).hasMessageContaining("sourceEvent");
    assertThat(grant().method(ConsentMethod.INTERCHANGE_EVENT).sourceEvent(EventId.of("e-1")).build().sourceEvent())
        .contains(EventId.of("e-1"));
    assertThatThrownBy(() -> grant().recordedBy(" ").build()).hasMessageContaining("recordedBy");
    assertThatThrownBy(() -> grant().noticeVersion("v\n1").build()).hasMessageContaining("noticeVersion");
    assertThatThrownBy(() -> ConsentRecord.builder().build()).isInstanceOf(NullPointerException.class)
        .hasMessage("id");
  }

  @Test
  void optionalComponentsMayBeLeftOut() {
    ConsentRecord r = grant().noticeVersion(Optional.empty()).build();
    assertThat(r.noticeVersion()).isEmpty();
    assertThat(r.expiresAt()).isEmpty();
    assertThat(r.sourceEvent()).isEmpty();
  }

  @Test
  void recordIdsAreSafeAndRandomOnesAreUuids() {
    assertThat(ConsentRecordId.random().value()).matches("[0-9a-f-]{36}");
    assertThatThrownBy(() -> ConsentRecordId.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConsentRecordId.of("a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConsentRecordId.of("x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
  }
}
