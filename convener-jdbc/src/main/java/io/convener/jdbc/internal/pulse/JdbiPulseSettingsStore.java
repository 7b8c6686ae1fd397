package io.convener.jdbc.internal.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.pulse.PulseSettings;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.PulseSettingsStore;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Pulse settings in the {@code pulse_settings} table: a save deletes the tenant's row and inserts
 * the new one in one transaction (common SQL, no upsert dialects). Thread-safe.
 */
final class JdbiPulseSettingsStore implements PulseSettingsStore {
  static final String FIND = """
      SELECT min_group_size, engagement_drop, silent_after_events, unanswered_below, min_messages,
        inclusion_gini, negative_sentiment, min_scored_events, low_psych_safety
      FROM pulse_settings WHERE tenant_id = :tenant""";
  static final String DELETE = "DELETE FROM pulse_settings WHERE tenant_id = :tenant";
  static final String INSERT = """
      INSERT INTO pulse_settings (tenant_id, min_group_size, engagement_drop, silent_after_events,
        unanswered_below, min_messages, inclusion_gini, negative_sentiment, min_scored_events,
        low_psych_safety, updated_at)
      VALUES (:tenant, :k, :drop, :silent, :unanswered, :messages, :gini, :sentiment, :scored, :safety, :at)""";

  private final Database database;

  @Inject
  JdbiPulseSettingsStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public Optional<PulseSettings> find(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("find pulse settings", tenant, handle -> handle.createQuery(FIND)
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> new PulseSettings(rs.getInt(1), rs.getDouble(2), rs.getInt(3), rs.getDouble(4), rs.getInt(5),
            rs.getDouble(6), rs.getDouble(7), rs.getInt(8), rs.getDouble(9)))
        .findOne());
  }

  @Override
  public void save(TenantId tenant, PulseSettings s) {
    requireNonNull(tenant, "tenant");
    requireNonNull(s, "settings");
    database.write("save pulse settings", tenant, handle -> {
      handle.createUpdate(DELETE).bind("tenant", tenant.value()).execute();
      return handle.createUpdate(INSERT)
          .bind("tenant", tenant.value())
          .bind("k", s.minGroupSize())
          .bind("drop", s.engagementDrop())
          .bind("silent", s.silentAfterEvents())
          .bind("unanswered", s.unansweredBelow())
          .bind("messages", s.minMessages())
          .bind("gini", s.inclusionGini())
          .bind("sentiment", s.negativeSentiment())
          .bind("scored", s.minScoredEvents())
          .bind("safety", s.lowPsychSafety())
          .bind("at", EpochNanos.of(Instant.now(), "updatedAt"))
          .execute();
    });
  }
}
