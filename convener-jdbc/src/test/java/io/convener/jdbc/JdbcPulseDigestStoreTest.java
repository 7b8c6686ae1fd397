package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.ChangeStore;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.PulseDigestStore;
import io.convener.spi.storage.PulseDigestStore.Part;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.testing.keys.FakePersonalDataCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pulse digest store on each database: the position moves only by compare-and-set, a load
 * returns the parts of the days asked for with the position and the first day of all parts, a
 * merge replaces a day's parts by one, and tenants do not see each other's digests.
 */
class JdbcPulseDigestStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId OTHER = TenantId.of("other");

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2_MEMORY", "SQLITE_FILE", "POSTGRESQL"})
  void thePositionMovesByCompareAndSetAndLoadsSeeOneState(TestDatabase database) throws IOException {
    Path dir = Files.createTempDirectory("convener-pulse-digests");
    JdbcSettings settings = database.settings(dir);
    Injector injector = Guice.createInjector(new JdbcStorageModule(settings),
        binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    try {
      PulseDigestStore store = injector.getInstance(PulseDigestStore.class);
      assertThat(store.position(ACME)).isEmpty();
      assertThat(store.load(ACME, 0, p -> { })).isEmpty();
      injector.getInstance(EventStore.class).insert(ACME, List.of(
          Event.builder(EventId.of("a"), Instant.EPOCH, EventKind.MESSAGE, MemberId.of("m")).build(),
          Event.builder(EventId.of("b"), Instant.EPOCH, EventKind.MESSAGE, MemberId.of("m")).build()));
      long change = injector.getInstance(ChangeStore.class).current(ACME);
      assertThat(store.changeOf(ACME, EventId.of("b"))).contains(new PulseDigestStore.Change(change, 2));
      assertThat(store.changeOf(ACME, EventId.of("none"))).isEmpty();

      assertThat(store.append(ACME, OptionalLong.empty(), 3, List.of(part(10, 1), part(12, 2)))).hasValue(1);
      // A writer that read an older position, or none, writes nothing.
      assertThat(store.append(ACME, OptionalLong.empty(), 4, List.of(part(11, 9)))).isEmpty();
      assertThat(store.append(ACME, OptionalLong.of(2), 4, List.of(part(11, 9)))).isEmpty();
      assertThat(store.append(ACME, OptionalLong.of(3), 5, List.of(part(12, 3), part(9, 4)))).hasValue(2);
      assertThat(store.append(OTHER, OptionalLong.empty(), 1, List.of(part(12, 7)))).hasValue(1);
      assertThat(store.position(ACME)).hasValue(5);

      List<Part> loaded = new ArrayList<>();
      PulseDigestStore.Loaded head = store.load(ACME, 11, loaded::add).orElseThrow();
      assertThat(head).isEqualTo(new PulseDigestStore.Loaded(5, OptionalInt.of(9)));
      assertThat(loaded).extracting(p -> p.day() + ":" + p.data()[0]).containsExactly("12:2", "12:3");

      assertThat(store.merge(ACME, 12, 3, parts -> new byte[] {42})).isFalse();
      assertThat(store.merge(ACME, 12, 2, parts -> {
        assertThat(parts).extracting(p -> p[0]).containsExactly((byte) 2, (byte) 3);
        return new byte[] {23};
      })).isTrue();
      loaded.clear();
      store.load(ACME, 0, loaded::add);
      assertThat(loaded).extracting(p -> p.day() + ":" + p.data()[0]).containsExactly("9:4", "10:1", "12:23");
      // The merged part keeps the newest part's key: a later append to the day adds after it.
      assertThat(store.append(ACME, OptionalLong.of(5), 6, List.of(part(12, 5)))).hasValue(2);
      loaded.clear();
      store.load(ACME, 12, loaded::add);
      assertThat(loaded).extracting(p -> p.day() + ":" + p.data()[0]).containsExactly("12:23", "12:5");
    } finally {
      lifecycle.close();
      database.dispose(settings);
      JdbcFixtures.deleteRecursively(dir);
    }
  }

  private static Part part(int day, int marker) {
    return new Part(day, new byte[] {(byte) marker, 0, 1});
  }
}
