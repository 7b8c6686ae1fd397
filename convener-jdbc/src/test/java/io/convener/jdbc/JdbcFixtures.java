package io.convener.jdbc;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.ApprovalStore;
import io.convener.spi.storage.ChampionSettingsStore;
import io.convener.spi.storage.ConsentStore;
import io.convener.spi.storage.EventBlockStore;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.SharingAgreementStore;
import io.convener.spi.storage.PulseSettingsStore;
import io.convener.spi.storage.PulseWatcherStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.spi.storage.SubjectKeyStore;
import io.convener.spi.storage.TenantStore;
import io.convener.testing.keys.FakePersonalDataCipher;
import io.convener.testing.storage.ApprovalStoreFixture;
import io.convener.testing.storage.ChampionSettingsStoreFixture;
import io.convener.testing.storage.ConsentStoreFixture;
import io.convener.testing.storage.EventBlockStoreFixture;
import io.convener.testing.storage.SharingAgreementStoreFixture;
import io.convener.testing.storage.PulseSettingsStoreFixture;
import io.convener.testing.storage.PulseWatcherStoreFixture;
import io.convener.testing.storage.StoreFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** Opens JDBC stores for tests through the public module, as a host would. */
public final class JdbcFixtures {
  private JdbcFixtures() {}

  /** The exposed stores of a new module over new settings of {@code database}; not started. */
  public static StoreFixture open(TestDatabase database) throws IOException {
    Path dir = Files.createTempDirectory("convener-jdbc-test");
    JdbcSettings settings = settings(database, dir);
    return open(settings, cleanup(database, settings, dir));
  }

  /** The tenant and consent stores of a new module over new settings of {@code database}; not started. */
  public static ConsentStoreFixture openConsent(TestDatabase database) throws IOException {
    return openWith(database, (injector, cleanup) -> new ConsentStoreFixture(
        injector.getInstance(TenantStore.class),
        injector.getInstance(ConsentStore.class),
        injector.getInstance(StorageLifecycle.class),
        cleanup));
  }

  /** The approval store of a new module over new settings of {@code database}; not started. */
  public static ApprovalStoreFixture openApprovals(TestDatabase database) throws IOException {
    return openWith(database, (injector, cleanup) -> new ApprovalStoreFixture(
        injector.getInstance(ApprovalStore.class), injector.getInstance(StorageLifecycle.class), cleanup));
  }

  /** The sharing agreement store of a new module over new settings of {@code database}; not started. */
  public static SharingAgreementStoreFixture openSharingAgreements(TestDatabase database) throws IOException {
    return openWith(database, (injector, cleanup) -> new SharingAgreementStoreFixture(
        injector.getInstance(SharingAgreementStore.class), injector.getInstance(StorageLifecycle.class), cleanup));
  }

  /** The pulse settings store of a new module over new settings of {@code database}; not started. */
  public static PulseSettingsStoreFixture openPulseSettings(TestDatabase database) throws IOException {
    return openWith(database, (injector, cleanup) -> new PulseSettingsStoreFixture(
        injector.getInstance(PulseSettingsStore.class), injector.getInstance(StorageLifecycle.class), cleanup));
  }

  /** The pulse watcher store of a new module over new settings of {@code database}; not started. */
  public static PulseWatcherStoreFixture openPulseWatchers(TestDatabase database) throws IOException {
    return openWith(database, (injector, cleanup) -> new PulseWatcherStoreFixture(
        injector.getInstance(PulseWatcherStore.class), injector.getInstance(StorageLifecycle.class), cleanup));
  }

  /**
   * A fixture made from the injector of a new module over new settings of {@code database}, with a
   * {@link FakePersonalDataCipher}, and the cleanup that disposes of the database and its directory.
   */
  private static <F> F openWith(TestDatabase database, BiFunction<Injector, Runnable, F> fixture)
      throws IOException {
    Path dir = Files.createTempDirectory("convener-jdbc-test");
    JdbcSettings settings = settings(database, dir);
    Injector injector = Guice.createInjector(
        new JdbcStorageModule(settings),
        binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
    return fixture.apply(injector, cleanup(database, settings, dir));
  }

  /** The champion settings store of a new module over new settings of {@code database}; not started. */
  public static ChampionSettingsStoreFixture openChampionSettings(TestDatabase database) throws IOException {
    return openWith(database, (injector, cleanup) -> new ChampionSettingsStoreFixture(
        injector.getInstance(ChampionSettingsStore.class), injector.getInstance(StorageLifecycle.class), cleanup));
  }

  /** The event block store of a new module over new settings of {@code database}; not started. */
  public static EventBlockStoreFixture openEventBlocks(TestDatabase database) throws IOException {
    return openWith(database, (injector, cleanup) -> new EventBlockStoreFixture(
        injector.getInstance(EventBlockStore.class), injector.getInstance(StorageLifecycle.class), cleanup));
  }

  private static JdbcSettings settings(TestDatabase database, Path dir) {
    try {
      return database.settings(dir);
    } catch (RuntimeException e) {
      deleteRecursively(dir);
      throw e;
    }
  }

  private static Runnable cleanup(TestDatabase database, JdbcSettings settings, Path dir) {
    return () -> {
      try {
        database.dispose(settings);
      } finally {
        deleteRecursively(dir);
      }
    };
  }

  /**
   * The exposed stores of a new module over {@code settings}, with a {@link FakePersonalDataCipher}
   * (real encryption lives in {@code convener-core}, which runs the contract with it); not started.
   */
  public static StoreFixture open(JdbcSettings settings, Runnable cleanup) {
    FakePersonalDataCipher cipher = new FakePersonalDataCipher();
    Injector injector = Guice.createInjector(
        new JdbcStorageModule(settings), binder -> binder.bind(PersonalDataCipher.class).toInstance(cipher));
    return new StoreFixture(
        injector.getInstance(TenantStore.class),
        injector.getInstance(MemberStore.class),
        injector.getInstance(EventStore.class),
        injector.getInstance(SubjectKeyStore.class),
        cipher,
        injector.getInstance(StorageLifecycle.class),
        cleanup);
  }

  /** Deletes a directory tree, if it exists. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
