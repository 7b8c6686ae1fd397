package io.convener.jdbc.internal.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.StorageException;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.innovation.ConfirmedInnovation;
import io.convener.api.innovation.DetectionSettings;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.InnovationDetectionStore;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Detection thresholds in {@code innovation_detection_settings} (a save deletes and inserts in one
 * transaction) and confirmations in {@code confirmed_innovations} (a confirm inserts unless the tag
 * is there, in one transaction, and returns the stored row). The same SQL on every database.
 * Thread-safe.
 */
final class JdbiInnovationDetectionStore implements InnovationDetectionStore {
  static final String FIND_SETTINGS = "SELECT min_adopters, min_teams, origin_lead_seconds, origin_share"
      + " FROM innovation_detection_settings WHERE tenant_id = :tenant";
  static final String DELETE_SETTINGS = "DELETE FROM innovation_detection_settings WHERE tenant_id = :tenant";
  static final String INSERT_SETTINGS = """
      INSERT INTO innovation_detection_settings (tenant_id, min_adopters, min_teams, origin_lead_seconds,
        origin_share, updated_at)
      VALUES (:tenant, :adopters, :teams, :lead, :share, :at)""";
  static final String COLUMNS = "tag, innovation_id, origin_team, first_seen, confirmed_by, confirmed_at";
  static final String BY_TAG = "SELECT " + COLUMNS + " FROM confirmed_innovations WHERE tenant_id = :tenant AND tag = :tag";
  static final String BY_ID =
      "SELECT " + COLUMNS + " FROM confirmed_innovations WHERE tenant_id = :tenant AND innovation_id = :id";
  static final String ALL = "SELECT " + COLUMNS + " FROM confirmed_innovations WHERE tenant_id = :tenant ORDER BY tag";
  static final String INSERT = """
      INSERT INTO confirmed_innovations (tenant_id, tag, innovation_id, origin_team, first_seen, confirmed_by,
        confirmed_at)
      VALUES (:tenant, :tag, :id, :team, :firstSeen, :by, :at)""";

  private final Database database;

  @Inject
  JdbiInnovationDetectionStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public Optional<DetectionSettings> settings(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("find innovation detection settings", tenant, handle -> handle.createQuery(FIND_SETTINGS)
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> settings(tenant, rs))
        .findOne());
  }

  @Override
  public void saveSettings(TenantId tenant, DetectionSettings s) {
    requireNonNull(tenant, "tenant");
    requireNonNull(s, "settings");
    database.write("save innovation detection settings", tenant, handle -> {
      handle.createUpdate(DELETE_SETTINGS).bind("tenant", tenant.value()).execute();
      return handle.createUpdate(INSERT_SETTINGS)
          .bind("tenant", tenant.value())
          .bind("adopters", s.minAdopters())
          .bind("teams", s.minTeams())
          .bind("lead", s.originLead().getSeconds())
          .bind("share", s.originShare())
          .bind("at", EpochNanos.of(Instant.now(), "updatedAt"))
          .execute();
    });
  }

  @Override
  public ConfirmedInnovation confirm(TenantId tenant, ConfirmedInnovation c) {
    requireNonNull(tenant, "tenant");
    requireNonNull(c, "confirmed");
    long firstSeen = EpochNanos.of(c.firstSeen(), "firstSeen");
    long at = EpochNanos.of(c.confirmedAt(), "confirmedAt");
    return database.write("confirm innovation", tenant, handle -> {
      Optional<ConfirmedInnovation> earlier = handle.createQuery(BY_TAG)
          .bind("tenant", tenant.value()).bind("tag", c.tag())
          .map((rs, ctx) -> confirmed(tenant, rs)).findOne();
      if (earlier.isPresent()) {
        return earlier.get();
      }
      handle.createUpdate(INSERT)
          .bind("tenant", tenant.value())
          .bind("tag", c.tag())
          .bind("id", c.innovation().value())
          .bind("team", c.originTeam().value())
          .bind("firstSeen", firstSeen)
          .bind("by", c.confirmedBy())
          .bind("at", at)
          .execute();
      return c.withProvenanceId(0);
    });
  }

  @Override
  public Optional<ConfirmedInnovation> confirmed(TenantId tenant, EventId innovation) {
    requireNonNull(tenant, "tenant");
    requireNonNull(innovation, "innovation");
    return database.read("find confirmed innovation", tenant, handle -> handle.createQuery(BY_ID)
        .bind("tenant", tenant.value()).bind("id", innovation.value())
        .map((rs, ctx) -> confirmed(tenant, rs)).findOne());
  }

  @Override
  public List<ConfirmedInnovation> confirmed(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return List.copyOf(database.read("list confirmed innovations", tenant, handle -> handle.createQuery(ALL)
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> confirmed(tenant, rs)).list()));
  }

  private static DetectionSettings settings(TenantId tenant, ResultSet rs) throws SQLException {
    try {
      return new DetectionSettings(rs.getInt(1), rs.getInt(2), Duration.ofSeconds(rs.getLong(3)), rs.getDouble(4));
    } catch (IllegalArgumentException e) {
      throw new StorageException("the innovation detection settings of tenant " + tenant.value() + " are invalid: "
          + e.getMessage(), e);
    }
  }

  private static ConfirmedInnovation confirmed(TenantId tenant, ResultSet rs) throws SQLException {
    try {
      return new ConfirmedInnovation(rs.getString(1), EventId.of(rs.getString(2)), TeamId.of(rs.getString(3)),
          EpochNanos.toInstant(rs.getLong(4)), rs.getString(5), EpochNanos.toInstant(rs.getLong(6)), 0);
    } catch (IllegalArgumentException e) {
      throw new StorageException("a confirmed innovation row of tenant " + tenant.value() + " is invalid: "
          + e.getMessage(), e);
    }
  }
}
