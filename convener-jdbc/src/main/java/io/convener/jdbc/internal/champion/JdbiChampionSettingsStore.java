package io.convener.jdbc.internal.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.ChampionThresholds;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.ChampionSettingsStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Champion settings in three tables; {@link #save} deletes the tenant's rows and inserts the new
 * ones in one transaction, so a reader sees the old settings or the new, never a mix. Thread-safe.
 */
final class JdbiChampionSettingsStore implements ChampionSettingsStore {
  static final String SELECT_THRESHOLDS =
      "SELECT champion_quantile, connector_brokerage, connector_groups, observer_activity, persona_tau,"
          + " broadcaster_post_share, repeat_decay, structural_refresh FROM champion_settings WHERE tenant_id = :tenant";
  static final String SELECT_WEIGHTS =
      "SELECT component, weight FROM champion_weights WHERE tenant_id = :tenant ORDER BY seq";
  static final String SELECT_EXCLUDED =
      "SELECT member_id FROM champion_excluded WHERE tenant_id = :tenant ORDER BY member_id";
  static final String DELETE_WEIGHTS = "DELETE FROM champion_weights WHERE tenant_id = :tenant";
  static final String DELETE_EXCLUDED = "DELETE FROM champion_excluded WHERE tenant_id = :tenant";
  static final String DELETE_SETTINGS = "DELETE FROM champion_settings WHERE tenant_id = :tenant";
  static final String INSERT_SETTINGS =
      """
      INSERT INTO champion_settings (tenant_id, champion_quantile, connector_brokerage, connector_groups,
        observer_activity, persona_tau, broadcaster_post_share, repeat_decay, structural_refresh, updated_at)
      VALUES (:tenant, :championQuantile, :connectorBrokerage, :connectorGroups, :observerActivity, :personaTau,
        :broadcasterPostShare, :repeatDecay, :structuralRefresh, :updatedAt)""";
  static final String INSERT_WEIGHT =
      "INSERT INTO champion_weights (tenant_id, component, seq, weight) VALUES (:tenant, :component, :seq, :weight)";
  static final String INSERT_EXCLUDED =
      "INSERT INTO champion_excluded (tenant_id, member_id) VALUES (:tenant, :member)";

  private final Database database;
  private final Clock clock;

  @Inject
  JdbiChampionSettingsStore(Database database) {
    this.database = requireNonNull(database, "database");
    this.clock = Clock.systemUTC();
  }

  @Override
  public Optional<ChampionSettings> find(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("read champion settings", tenant, handle -> read(handle, tenant));
  }

  private static Optional<ChampionSettings> read(Handle handle, TenantId tenant) {
    Optional<ChampionThresholds> thresholds = handle.createQuery(SELECT_THRESHOLDS).bind("tenant", tenant.value())
        .map((rs, ctx) -> new ChampionThresholds(rs.getDouble(1), rs.getDouble(2), rs.getInt(3), rs.getDouble(4),
            rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)))
        .findOne();
    if (thresholds.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    handle.createQuery(SELECT_WEIGHTS).bind("tenant", tenant.value())
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getDouble(2)))
        .forEach(e -> weights.put(e.getKey(), e.getValue()));
    List<String> excluded = handle.createQuery(SELECT_EXCLUDED).bind("tenant", tenant.value()).mapTo(String.class)
        .list();
    Set<MemberId> ids = new TreeSet<>();
    excluded.forEach(id -> ids.add(MemberId.of(id)));
    return Optional.of(new ChampionSettings(weights, ids, thresholds.get()));
  }

  @Override
  public void save(TenantId tenant, ChampionSettings settings) {
    requireNonNull(tenant, "tenant");
    requireNonNull(settings, "settings");
    long now = EpochNanos.of(clock.instant(), "updatedAt");
    database.write("save champion settings", tenant, handle -> {
      handle.createUpdate(DELETE_WEIGHTS).bind("tenant", tenant.value()).execute();
      handle.createUpdate(DELETE_EXCLUDED).bind("tenant", tenant.value()).execute();
      handle.createUpdate(DELETE_SETTINGS).bind("tenant", tenant.value()).execute();
      ChampionThresholds t = settings.thresholds();
      handle.createUpdate(INSERT_SETTINGS).bind("tenant", tenant.value())
          .bind("championQuantile", t.championQuantile())
          .bind("connectorBrokerage", t.connectorBrokerage())
          .bind("connectorGroups", t.connectorGroups())
          .bind("observerActivity", t.observerActivity())
          .bind("personaTau", t.personaTau())
          .bind("broadcasterPostShare", t.broadcasterPostShare())
          .bind("repeatDecay", t.repeatDecay())
          .bind("structuralRefresh", t.structuralRefresh())
          .bind("updatedAt", now)
          .execute();
      int seq = 0;
      for (Map.Entry<String, Double> w : settings.weights().entrySet()) {
        handle.createUpdate(INSERT_WEIGHT).bind("tenant", tenant.value()).bind("component", w.getKey())
            .bind("seq", seq++).bind("weight", w.getValue().doubleValue()).execute();
      }
      for (MemberId m : settings.excluded()) {
        handle.createUpdate(INSERT_EXCLUDED).bind("tenant", tenant.value()).bind("member", m.value()).execute();
      }
      return null;
    });
  }
}
