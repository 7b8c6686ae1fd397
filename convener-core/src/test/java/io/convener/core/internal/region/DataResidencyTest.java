package io.convener.core.internal.region;

import static io.convener.core.internal.region.RegionFixture.ACME;
import static io.convener.core.internal.region.RegionFixture.GLOBEX;
import static io.convener.core.internal.region.RegionFixture.admin;
import static io.convener.core.internal.region.RegionFixture.containing;
import static io.convener.core.internal.region.RegionFixture.everyValue;
import static io.convener.core.internal.region.RegionFixture.member;
import static io.convener.core.internal.region.RegionFixture.plainValues;
import static io.convener.core.internal.region.RegionFixture.secrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.consent.Purpose;
import io.convener.api.innovation.SharingTerms;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.core.Conveners;
import io.convener.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tenants in two regions, each region an SQLite file: after ingesting people with names and
 * emails and running the services, no value of one tenant is in any row of any table of the other
 * region's database, and sharing across the regions is refused.
 */
class DataResidencyTest {
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path dir;

  private Convener open() {
    return Conveners.builder()
        .region("eu", JdbcSettings.sqlite(dir.resolve("eu.db")))
        .region("us", JdbcSettings.sqlite(dir.resolve("us.db")))
        .tenantRegion(ACME, "eu")
        .tenantRegion(GLOBEX, "us")
        .build();
  }

  @Test
  void noRowOfOneRegionsTenantIsInTheOtherRegionsDatabase() throws Exception {
    try (Convener convener = open()) {
      for (TenantId tenant : List.of(ACME, GLOBEX)) {
        RegionFixture.ingest(convener, tenant);
        Principal admin = admin(tenant);
        assertThat(convener.champions().rank(admin, ChampionQuery.builder().asOf(AS_OF).build()).champions())
            .isNotEmpty();
        MemberId ana = MemberId.of(member(tenant, "ana"));
        convener.consent().grant(Principal.of(tenant, ana.value(), Role.MEMBER), ana, Purpose.PROFILE_SHARE, "notice-1");
        assertThat(convener.profiles().find(admin, ana)).isPresent();
        assertThat(convener.pulse().report(admin, PulseRequest.of(PulseScope.tenant(), AS_OF)).isSuppressed()).isFalse();
        assertThat(convener.innovation().spread(admin, EventId.of("idea-1")).adoptions()).isEqualTo(1);
        assertThat(convener.provenance().verify(Principal.of(tenant, "auditor", Role.COMPLIANCE_OFFICER)).verified())
            .isTrue();
      }
      assertThat(convener.isReady(Duration.ofSeconds(2))).isTrue();
    }

    List<String> eu = everyValue(dir.resolve("eu.db"));
    List<String> us = everyValue(dir.resolve("us.db"));
    // The scan sees each tenant's plain values in its own region: it would see them elsewhere too.
    for (String own : plainValues(ACME)) {
      assertThat(containing(eu, List.of(own))).as(own + " in the eu database").isNotEmpty();
    }
    for (String own : plainValues(GLOBEX)) {
      assertThat(containing(us, List.of(own))).as(own + " in the us database").isNotEmpty();
    }
    assertThat(containing(us, secrets(ACME))).as("values of the eu tenant in the us database").isEmpty();
    assertThat(containing(eu, secrets(GLOBEX))).as("values of the us tenant in the eu database").isEmpty();
  }

  @Test
  void sharingAcrossRegionsIsRefusedAndAnAdoptionNamingTheOtherRegionWritesNothingOfIt() throws Exception {
    TenantId initech = TenantId.of("initech-eu-tenant");
    try (Convener convener = Conveners.builder()
        .region("eu", JdbcSettings.sqlite(dir.resolve("eu.db")))
        .region("us", JdbcSettings.sqlite(dir.resolve("us.db")))
        .tenantRegion(ACME, "eu").tenantRegion(initech, "eu").tenantRegion(GLOBEX, "us")
        .build()) {
      RegionFixture.ingest(convener, ACME);
      RegionFixture.ingest(convener, GLOBEX);

      assertThatThrownBy(() -> convener.innovation().agree(admin(ACME), SharingTerms.shareWith(GLOBEX)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContainingAll("region 'eu'", "region 'us'", "data does not cross regions");
      assertThatThrownBy(() -> convener.innovation().agree(admin(GLOBEX), SharingTerms.acceptFrom(ACME)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region 'eu'");
      assertThatThrownBy(() -> convener.innovation().agree(admin(ACME), SharingTerms.shareWith(TenantId.of("nowhere"))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in no region yet");
      assertThat(convener.innovation().agree(admin(ACME), SharingTerms.shareWith(initech)).terms().counterpart())
          .as("within one region sharing works as before").isEqualTo(initech);

      // globex's host names acme as the source of an adoption: the spread sees none of acme's side.
      RegionFixture.ingestLines(convener, GLOBEX, "{\"id\":\"adopt-from-acme\",\"at\":\"2026-10-15T00:00:00Z\","
          + "\"kind\":\"adoption\",\"actor\":\"" + member(GLOBEX, "bo") + "\",\"refs\":[\"idea-1\"],"
          + "\"attrs\":{\"fromTenant\":\"" + ACME.value() + "\"}}\n");
      SpreadReport report = convener.innovation().spread(admin(GLOBEX), EventId.of("idea-1"));
      assertThat(report.lineage()).noneMatch(e -> e.tenant().equals(ACME));
    }

    List<String> us = everyValue(dir.resolve("us.db"));
    List<String> acmePeople = secrets(ACME).stream().filter(s -> !s.equals(ACME.value())).toList();
    assertThat(containing(us, acmePeople)).as("acme's people in the us database").isEmpty();
    assertThat(containing(everyValue(dir.resolve("eu.db")), secrets(GLOBEX))).isEmpty();
  }
}
