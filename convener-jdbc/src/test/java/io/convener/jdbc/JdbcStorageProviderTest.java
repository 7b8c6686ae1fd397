package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.spi.storage.DatabaseSettings;
import io.convener.spi.storage.StoragePlace;
import io.convener.spi.storage.StorageProvider;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The JDBC back end as {@code Conveners} finds it: registered, and clear about a missing SQLite driver. */
class JdbcStorageProviderTest {
  @Test
  void theServiceLoaderFindsItForJdbcUrlsOnly() {
    StorageProvider provider = ServiceLoader.load(StorageProvider.class).findFirst().orElseThrow();
    assertThat(provider).isInstanceOf(JdbcStorageProvider.class);
    assertThat(provider.supports("jdbc:h2:mem:x")).isTrue();
    assertThat(provider.supports("mongodb://db/convener")).isFalse();
    DatabaseSettings memory = provider.settings("jdbc:h2:mem:provider");
    assertThat(provider.place(memory)).isEqualTo(StoragePlace.memory());
    Path file = Path.of("data", "convener.db").toAbsolutePath();
    assertThat(provider.place(provider.settings("jdbc:sqlite:" + file))).isEqualTo(StoragePlace.file(file));
    assertThat(provider.module(memory, null)).isInstanceOf(JdbcStorageModule.class);
  }

  @Test
  void withoutTheSqliteDriverTheDefaultSaysWhatToAddBeforeCreatingAnything() throws Exception {
    URL[] jdbcAndSpiOnly = {
        JdbcStorageProvider.class.getProtectionDomain().getCodeSource().getLocation(),
        StorageProvider.class.getProtectionDomain().getCodeSource().getLocation()};
    try (URLClassLoader isolated = new URLClassLoader(jdbcAndSpiOnly, ClassLoader.getPlatformClassLoader())) {
      Object provider = isolated.loadClass(JdbcStorageProvider.class.getName()).getConstructor().newInstance();
      try {
        provider.getClass().getMethod("defaults").invoke(provider);
        throw new AssertionError("the default opened without the SQLite driver");
      } catch (InvocationTargetException e) {
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class)
            .hasMessage("without a database, Convener opens an SQLite file under ./convener-data/, which needs"
                + " org.xerial:sqlite-jdbc on the class path: add it, or give a database (jdbc:h2:... needs no"
                + " other library)");
      }
    }
  }
}
