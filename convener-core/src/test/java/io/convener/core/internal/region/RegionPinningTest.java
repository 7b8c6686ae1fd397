package io.convener.core.internal.region;

import static io.convener.core.internal.region.RegionFixture.ACME;
import static io.convener.core.internal.region.RegionFixture.admin;
import static io.convener.core.internal.region.RegionFixture.containing;
import static io.convener.core.internal.region.RegionFixture.everyValue;
import static io.convener.core.internal.region.RegionFixture.secrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.Convener;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.core.Conveners;
import io.convener.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant stays in its region: the pin written on first use routes it later without an
 * assignment, and a later assignment to another region is refused instead of splitting it.
 */
class RegionPinningTest {
  private static final ChampionQuery QUERY = ChampionQuery.builder().asOf(Instant.parse("2026-11-01T00:00:00Z")).build();

  @TempDir Path dir;

  private Conveners.Builder regions() {
    return Conveners.builder()
        .region("eu", JdbcSettings.sqlite(dir.resolve("eu.db")))
        .region("us", JdbcSettings.sqlite(dir.resolve("us.db")));
  }

  @Test
  void aPinnedTenantIsRoutedByItsPinAndRefusedWhenAssignedElsewhere() throws Exception {
    try (Convener convener = regions().tenantRegion(ACME, "eu").build()) {
      RegionFixture.ingest(convener, ACME);
    }
    try (Convener convener = regions().build()) {
      assertThat(convener.champions().rank(admin(ACME), QUERY).champions())
          .as("routed to eu by its pin, without an assignment").isNotEmpty();
    }
    try (Convener convener = regions().tenantRegion(ACME, "us").build()) {
      assertThatThrownBy(() -> convener.champions().rank(admin(ACME), QUERY))
          .isInstanceOf(StorageException.class)
          .hasMessageContainingAll("tenant 'acme-eu-tenant' is assigned to region 'us'",
              "its data is in the database of region 'eu'");
      assertThatThrownBy(() -> RegionFixture.ingest(convener, ACME)).isInstanceOf(StorageException.class);
    }
    assertThat(containing(everyValue(dir.resolve("us.db")), secrets(ACME))).as("acme in the us database").isEmpty();
  }

  @Test
  void aDatabaseThatPinnedTheTenantUnderAnotherRegionNameIsRefused() {
    try (Convener convener = regions().tenantRegion(ACME, "eu").build()) {
      RegionFixture.ingest(convener, ACME);
    }
    // The two files are swapped between the region names: acme's data is now under "us".
    try (Convener convener = Conveners.builder()
        .region("eu", JdbcSettings.sqlite(dir.resolve("us.db")))
        .region("us", JdbcSettings.sqlite(dir.resolve("eu.db")))
        .tenantRegion(ACME, "us").build()) {
      assertThatThrownBy(() -> convener.champions().rank(admin(ACME), QUERY))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("has it pinned to region 'eu'");
    }
  }

  @Test
  void aNewTenantWithoutAnAssignmentIsRefusedAndNothingIsWritten() throws Exception {
    TenantId stranger = TenantId.of("stranger-tenant");
    try (Convener convener = regions().build()) {
      assertThatThrownBy(() -> convener.champions().rank(admin(stranger), QUERY))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("tenant 'stranger-tenant' is assigned to no region: assign it to one of eu, us");
    }
    assertThat(containing(everyValue(dir.resolve("eu.db")), java.util.List.of("stranger"))).isEmpty();
    assertThat(containing(everyValue(dir.resolve("us.db")), java.util.List.of("stranger"))).isEmpty();
  }

  @Test
  void aBadConfigurationIsRefusedWhenBuilt() {
    assertThatThrownBy(() -> regions().tenantRegion(ACME, "mars").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region 'mars', which is not configured");
    assertThatThrownBy(() -> regions().database(JdbcSettings.sqlite(dir.resolve("one.db"))).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> Conveners.builder().region("EU!", JdbcSettings.sqlite(dir.resolve("x.db"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region name");
    assertThatThrownBy(() -> Conveners.builder().tenantRegion(ACME, "eu").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no region is given");
  }
}
