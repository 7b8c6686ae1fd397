package io.convener.core;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.Injector;
import io.convener.api.Convener;
import io.convener.api.TenantId;
import io.convener.core.internal.region.RegionalConvener;
import io.convener.spi.storage.DatabaseSettings;
import io.convener.spi.storage.RegionPinStore;
import io.convener.spi.storage.StoragePlace;
import io.convener.spi.storage.StorageProvider;
import io.convener.spi.storage.TenantStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The plain entry point for hosts that do not use Guice:
 *
 * <pre>{@code
 * try (Convener convener = Conveners.builder().database("jdbc:h2:file:./data/convener").build()) {
 *   Principal operator = Principal.of(TenantId.of("acme"), "loader", Role.ADMIN);
 *   convener.ingest().file(operator, Path.of("events.jsonl"));
 * }
 * }</pre>
 *
 * <p>The store's back end is found on the class path ({@link java.util.ServiceLoader}): {@code
 * io.convener:convener-jdbc} opens {@code jdbc:} URLs, H2 with it, SQLite and PostgreSQL with the
 * host's driver (docs/storage.md). Without {@link Builder#database} or {@link Builder#dataSource},
 * the data goes to an SQLite file under {@code ./convener-data/} (needs {@code
 * org.xerial:sqlite-jdbc}); give a database to write nothing into the working directory.
 *
 * <p>Keys: unless told otherwise ({@link Builder#keyDirectory}, {@link Builder#inMemoryKeys}, or
 * settings with a key directory other than the default), the keys that encrypt personal data live
 * beside the database, so that two databases never share them: in a {@code keys} directory next
 * to an embedded database file (for the default database, {@code ./convener-data/keys}), in memory
 * for an in-memory H2 database (whose data dies with the process too), and in {@link
 * ConvenerSettings#DEFAULT_KEY_DIRECTORY} for a database server.
 *
 * <p>Data residency: with {@link Builder#region} instead of {@link Builder#database}, each region
 * has a database and a runtime of its own, and every call goes to the region of its principal's
 * tenant ({@link Builder#tenantRegion}); see docs/residency.md. Keys then live per region too: in
 * a subdirectory, named after the region, of the key directory a single database would use.
 */
public final class Conveners {
  private Conveners() {}

  /** A builder with the defaults: the storage back end's default database, default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a started {@link Convener}. Not thread-safe. */
  public static final class Builder {
    private @Nullable DatabaseSettings jdbc;
    private @Nullable DataSource pool;
    private ConvenerSettings settings = ConvenerSettings.defaults();
    private @Nullable Path keyDirectory;
    private boolean inMemoryKeys;
    private final List<Module> overrides = new ArrayList<>();
    private final Map<String, DatabaseSettings> regions = new LinkedHashMap<>();
    private final Map<TenantId, String> tenantRegions = new HashMap<>();

    private Builder() {}

    /**
     * The JDBC URL of the store: {@code jdbc:h2:...}, {@code jdbc:sqlite:FILE} or {@code
     * jdbc:postgresql://...}.
     *
     * @throws IllegalArgumentException when the URL is not a supported one
     * @throws IllegalStateException naming {@code io.convener:convener-jdbc} when no storage back
     *     end on the class path opens the URL
     */
    public Builder database(String url) {
      this.jdbc = StorageProviders.forUrl(requireNonNull(url, "url")).settings(url);
      return this;
    }

    /** Full settings, such as convener-jdbc's {@code JdbcSettings}, for a store that needs a user and password. */
    public Builder database(DatabaseSettings settings) {
      this.jdbc = requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The host's connection pool: every connection comes from it, the schema is migrated through
     * it, and closing the Convener leaves it open. {@link #build()} opens one connection to learn
     * which database it is; keys live as for its URL (in memory for {@code jdbc:h2:mem:}).
     */
    public Builder dataSource(DataSource dataSource) {
      this.pool = requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Adds a region and its database: data residency. With one or more regions, {@link
     * #database} must not be given; each tenant's data lives only in its region's database.
     *
     * @param name lowercase letters, digits, {@code -} and {@code _}, 1 to 64 characters
     * @throws IllegalArgumentException when the name is not valid or given twice
     */
    public Builder region(String name, DatabaseSettings database) {
      requireNonNull(name, "name");
      requireNonNull(database, "database");
      if (!name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
        throw new IllegalArgumentException("region name must be 1 to 64 lowercase letters, digits, - or _"
            + " (starting with a letter or digit): '" + name + "'");
      }
      if (regions.putIfAbsent(name, database) != null) {
        throw new IllegalArgumentException("region '" + name + "' is given twice");
      }
      return this;
    }

    /**
     * Assigns a tenant to a region. A tenant without an assignment goes to the region whose
     * database has it pinned from earlier use, and is refused when none has; a tenant whose data
     * is in another region's database than the one assigned is refused too.
     */
    public Builder tenantRegion(TenantId tenant, String region) {
      tenantRegions.put(requireNonNull(tenant, "tenant"), requireNonNull(region, "region"));
      return this;
    }

    /** Service settings; {@link ConvenerSettings#defaults()} otherwise. */
    public Builder settings(ConvenerSettings settings) {
      this.settings = requireNonNull(settings, "settings");
      return this;
    }

    /** Keeps the keyset files in this directory, wherever the database is. */
    public Builder keyDirectory(Path directory) {
      this.keyDirectory = requireNonNull(directory, "directory");
      this.inMemoryKeys = false;
      return this;
    }

    /**
     * Keeps keys in memory only: they die with the process, and with them every personal value
     * stored under them. For tests and in-memory databases.
     */
    public Builder inMemoryKeys() {
      this.keyDirectory = null;
      this.inMemoryKeys = true;
      return this;
    }

    /**
     * Extra Guice modules installed beside the defaults, for example one that replaces a service
     * through its {@code OptionalBinder}.
     */
    public Builder module(Module module) {
      overrides.add(requireNonNull(module, "module"));
      return this;
    }

    /**
     * Wires, migrates the store and returns the running Convener.
     *
     * @throws io.convener.api.StorageException when the store cannot be opened or migrated
     * @throws IllegalStateException naming the Maven coordinates to add when the store's back end
     *     or driver is not on the class path
     */
    public Convener build() {
      if (!regions.isEmpty()) {
        return buildRegions();
      }
      if (!tenantRegions.isEmpty()) {
        throw new IllegalArgumentException("tenants are assigned to regions, but no region is given");
      }
      if (pool != null && jdbc != null) {
        throw new IllegalArgumentException("give either a database or a DataSource, not both");
      }
      StorageProvider provider = jdbc == null ? StorageProviders.jdbc() : StorageProviders.forUrl(jdbc.url());
      DatabaseSettings database = pool != null ? provider.describe(pool) : jdbc != null ? jdbc : provider.defaults();
      return start(injector(provider, database, pool, withKeysFor(provider.place(database)))).getInstance(Convener.class);
    }

    /** One started runtime per region behind the routing facade; none left open on failure. */
    private Convener buildRegions() {
      if (jdbc != null || pool != null) {
        throw new IllegalArgumentException("give either one database or regions with a database each, not both");
      }
      List<RegionalConvener.Region> started = new ArrayList<>();
      try {
        for (Map.Entry<String, DatabaseSettings> region : regions.entrySet()) {
          StorageProvider provider = StorageProviders.forUrl(region.getValue().url());
          ConvenerSettings keys = keysOfRegion(region.getKey(), provider.place(region.getValue()));
          Injector injector = start(injector(provider, region.getValue(), null, keys));
          started.add(new RegionalConvener.Region(region.getKey(), injector.getInstance(Convener.class),
              injector.getInstance(RegionPinStore.class), injector.getInstance(TenantStore.class)));
        }
        return RegionalConvener.of(started, tenantRegions);
      } catch (RuntimeException e) {
        started.forEach(r -> r.convener().close());
        throw e;
      }
    }

    private Injector injector(StorageProvider provider, DatabaseSettings database, @Nullable DataSource hostPool,
        ConvenerSettings effective) {
      List<Module> modules = new ArrayList<>();
      modules.add(new ConvenerModule(effective));
      modules.add(StorageProviders.module(provider, provider.module(database, hostPool)));
      modules.addAll(overrides);
      return Guice.createInjector(Stage.PRODUCTION, modules);
    }

    private static Injector start(Injector injector) {
      Convener convener = injector.getInstance(Convener.class);
      try {
        convener.start();
      } catch (RuntimeException e) {
        convener.close();
        throw e;
      }
      return injector;
    }

    /**
     * A region's key directory: a subdirectory named after the region of the one a single database
     * would use, so that no two regions share keys; in memory with in-memory keys.
     */
    private ConvenerSettings keysOfRegion(String region, StoragePlace place) {
      ConvenerSettings effective = withKeysFor(place);
      return effective.keyDirectory().map(dir -> effective.withKeyDirectory(dir.resolve(region))).orElse(effective);
    }

    /** The settings with the key directory the class documentation describes. */
    private ConvenerSettings withKeysFor(StoragePlace place) {
      if (inMemoryKeys) {
        return settings.withInMemoryKeys();
      }
      if (keyDirectory != null) {
        return settings.withKeyDirectory(keyDirectory);
      }
      return settings.forStore(Optional.of(place));
    }
  }
}
