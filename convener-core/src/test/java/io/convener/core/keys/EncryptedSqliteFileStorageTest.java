package io.convener.core.keys;

import io.convener.core.ConvenerSettings;
import io.convener.jdbc.JdbcSettings;
import io.convener.testing.storage.StorageContract;
import io.convener.testing.storage.StoreFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The storage contract with real encryption on files: the JDBC stores on an SQLite file, wired
 * with the default cipher over keyset files in a directory beside it.
 */
class EncryptedSqliteFileStorageTest extends StorageContract {
  @Override
  protected StoreFixture openStores() throws IOException {
    Path dir = Files.createTempDirectory("convener-encrypted");
    return EncryptedStores.fixture(
        EncryptedStores.injector(
            ConvenerSettings.defaults().withKeyDirectory(dir.resolve("keys")),
            JdbcSettings.sqlite(dir.resolve("convener.db"))),
        () -> deleteRecursively(dir));
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
