package io.convener.core;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import io.convener.api.Convener;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The plain entry point for hosts that do not use Guice:
 *
 * <pre>{@code
 * try (Convener convener = Conveners.builder().database("jdbc:sqlite:convener.db").build()) {
 *   Principal operator = Principal.of(TenantId.of("acme"), "loader", Role.ADMIN);
 *   convener.ingest().ingest(operator, Path.of("events.jsonl"));
 * }
 * }</pre>
 *
 * <p>Without {@link Builder#database}, Convener keeps its data in an embedded SQLite database
 * under {@code ./convener-data/} ({@link JdbcSettings#defaults()}).
 *
 * <p>Keys: unless told otherwise ({@link Builder#keyDirectory}, {@link Builder#inMemoryKeys}, or
 * settings with a key directory other than the default), the keys that encrypt personal data live
 * beside the database, so that two databases never share them: in a {@code keys} directory next
 * to an embedded database file (for the default database, {@code ./convener-data/keys}), in memory
 * for an in-memory H2 database (whose data dies with the process too), and in {@link
 * ConvenerSettings#DEFAULT_KEY_DIRECTORY} for a database server.
 */
public final class Conveners {
  private Conveners() {}

  /** A builder with the defaults: embedded SQLite file database, default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a started {@link Convener}. Not thread-safe. */
  public static final class Builder {
    private @Nullable JdbcSettings jdbc;
    private ConvenerSettings settings = ConvenerSettings.defaults();
    private @Nullable Path keyDirectory;
    private boolean inMemoryKeys;
    private final List<Module> overrides = new ArrayList<>();

    private Builder() {}

    /** The JDBC URL of the store: {@code jdbc:h2:...}, {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}. */
    public Builder database(String url) {
      this.jdbc = JdbcSettings.of(requireNonNull(url, "url"));
      return this;
    }

    /** Full JDBC settings, for a store that needs a user and password. */
    public Builder database(JdbcSettings settings) {
      this.jdbc = requireNonNull(settings, "settings");
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
     */
    public Convener build() {
      JdbcSettings database = jdbc == null ? JdbcSettings.defaults() : jdbc;
      List<Module> modules = new ArrayList<>();
      modules.add(new ConvenerModule(withKeysFor(database)));
      modules.add(new JdbcStorageModule(database));
      modules.addAll(overrides);
      Convener convener = Guice.createInjector(Stage.PRODUCTION, modules).getInstance(Convener.class);
      try {
        convener.start();
      } catch (RuntimeException e) {
        convener.close();
        throw e;
      }
      return convener;
    }

    /** The settings with the key directory the class documentation describes. */
    private ConvenerSettings withKeysFor(JdbcSettings database) {
      if (inMemoryKeys) {
        return settings.withInMemoryKeys();
      }
      if (keyDirectory != null) {
        return settings.withKeyDirectory(keyDirectory);
      }
      if (!settings.keyDirectory().equals(Optional.of(ConvenerSettings.DEFAULT_KEY_DIRECTORY))) {
        return settings;
      }
      if (database.url().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
        return settings.withInMemoryKeys();
      }
      return database.dialect().localFile(database.url())
          .map(file -> settings.withKeyDirectory(file.toAbsolutePath().resolveSibling("keys")))
          .orElse(settings);
    }
  }
}
