package io.convener.core;

import static java.util.Objects.requireNonNull;

import com.google.inject.Module;
import io.convener.spi.storage.StorageProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the storage back end of a database URL among the {@link StorageProvider}s on the class
 * path ({@link ServiceLoader}, through the thread's context class loader and then this library's),
 * so that convener-core needs no store at compile time.
 */
final class StorageProviders {
  /** The coordinates named when no back end is found. */
  static final String JDBC_ARTIFACT = "io.convener:convener-jdbc";

  private StorageProviders() {}

  /**
   * The back end that supports the URL.
   *
   * @throws IllegalStateException naming {@value #JDBC_ARTIFACT} when none does
   */
  static StorageProvider forUrl(String url) {
    requireNonNull(url, "url");
    return all().stream().filter(p -> p.supports(url)).findFirst().orElseThrow(() -> new IllegalStateException(
        "no Convener storage on the class path opens " + scheme(url) + " URLs: add " + JDBC_ARTIFACT
            + " (and the database's driver, see docs/storage.md)"));
  }

  /**
   * The JDBC back end: for a host's pool, and for the default database.
   *
   * @throws IllegalStateException naming {@value #JDBC_ARTIFACT} when it is not on the class path
   */
  static StorageProvider jdbc() {
    return forUrl("jdbc:");
  }

  /** The provider's module, checked to be a Guice module. */
  static Module module(StorageProvider provider, Object module) {
    if (module instanceof Module guice) {
      return guice;
    }
    throw new IllegalStateException(provider.getClass().getName() + " returned " + module.getClass().getName()
        + " where a Guice module is needed");
  }

  private static List<StorageProvider> all() {
    List<StorageProvider> found = new ArrayList<>();
    Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .ifPresent(loader -> ServiceLoader.load(StorageProvider.class, loader).forEach(found::add));
    if (found.isEmpty()) {
      ServiceLoader.load(StorageProvider.class, StorageProviders.class.getClassLoader()).forEach(found::add);
    }
    return found;
  }

  /** The URL's scheme in quotes, such as {@code 'jdbc:h2'}, never its parameters or credentials; else "such". */
  static String scheme(String url) {
    int first = url.indexOf(':');
    int second = first < 0 ? -1 : url.indexOf(':', first + 1);
    boolean jdbc = url.regionMatches(true, 0, "jdbc:", 0, 5);
    String scheme = jdbc && second > 0 ? url.substring(0, second) : first > 0 ? url.substring(0, first) : "";
    return scheme.matches("[A-Za-z][A-Za-z0-9:+.-]{0,39}") ? "'" + scheme + "'" : "such";
  }
}
