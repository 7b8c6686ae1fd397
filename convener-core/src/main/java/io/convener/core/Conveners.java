package io.convener.core;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import io.convener.api.Convener;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Without {@link Builder#database}, Convener keeps its data in an embedded H2 file database
 * under {@code ./convener-data/}.
 */
public final class Conveners {
  private Conveners() {}

  /** A builder with the defaults: embedded H2 file database, default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a started {@link Convener}. Not thread-safe. */
  public static final class Builder {
    private @Nullable JdbcSettings jdbc;
    private ConvenerSettings settings = ConvenerSettings.defaults();
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
      List<Module> modules = new ArrayList<>();
      modules.add(new ConvenerModule(settings));
      modules.add(new JdbcStorageModule(jdbc == null ? JdbcSettings.defaults() : jdbc));
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
  }
}
