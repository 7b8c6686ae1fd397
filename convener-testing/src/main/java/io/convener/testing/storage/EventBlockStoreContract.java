package io.convener.testing.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.TenantId;
import io.convener.spi.storage.EventBlockStore;
import io.convener.spi.storage.EventBlockStore.Block;
import io.convener.spi.storage.EventBlockStore.Stored;
import io.convener.spi.storage.EventBlockStore.Totals;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventBlockStore}: every implementation passes it once per database it
 * supports. A subclass implements {@link #openEventBlockStore()}; the contract starts the
 * lifecycle before each test and closes the fixture after it.
 *
 * <p>Covered: appends are numbered 1, 2, 3 per tenant and stream; streams and tenants are
 * independent (the same stream name in two tenants never leaks across); bytes round-trip exactly
 * (every byte value, an empty block, a block of {@link EventBlockStore#MAX_BLOCK_BYTES}); totals;
 * replace returns the previous block count and renumbers from 1; bad stream names are refused,
 * naming {@code stream}, and write nothing; an exception in the sink ends the scan and
 * propagates; concurrent appends to one stream get distinct consecutive numbers and lose nothing.
 */
public abstract class EventBlockStoreContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final String STREAM = "champion.events.v1";

  private @Nullable EventBlockStoreFixture fixture;

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected EventBlockStoreContract() {}

  /** A fixture over a new, empty database; the contract starts and closes it. */
  protected abstract EventBlockStoreFixture openEventBlockStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    fixture = openEventBlockStore();
    fixture.lifecycle().start();
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private EventBlockStore store() {
    if (fixture == null) {
      throw new IllegalStateException("no fixture");
    }
    return fixture.blocks();
  }

  private static Block block(long events, String text) {
    return new Block(events, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The stream's blocks as "seq:events:text". */
  private List<String> read(TenantId tenant, String stream) {
    List<String> read = new ArrayList<>();
    store().scan(tenant, stream, b -> read.add(b.seq() + ":" + b.events() + ":" + new String(b.data(), StandardCharsets.UTF_8)));
    return read;
  }

  @Test
  void anUnknownStreamIsEmpty() {
    assertThat(read(ACME, STREAM)).isEmpty();
    assertThat(store().totals(ACME, STREAM)).isEqualTo(new Totals(0, 0));
  }

  @Test
  void appendsAreNumberedFromOnePerTenantAndStreamAndScannedInOrder() {
    assertThat(store().append(ACME, STREAM, block(10, "a"))).isEqualTo(1);
    assertThat(store().append(ACME, STREAM, block(20, "b"))).isEqualTo(2);
    assertThat(store().append(ACME, "other.v1", block(5, "x"))).isEqualTo(1);
    assertThat(store().append(ACME, STREAM, block(0, "c"))).isEqualTo(3);
    assertThat(store().append(GLOBEX, STREAM, block(7, "g"))).isEqualTo(1);

    assertThat(read(ACME, STREAM)).containsExactly("1:10:a", "2:20:b", "3:0:c");
    assertThat(read(ACME, "other.v1")).containsExactly("1:5:x");
    assertThat(read(GLOBEX, STREAM)).containsExactly("1:7:g");
    assertThat(store().totals(ACME, STREAM)).isEqualTo(new Totals(3, 30));
    assertThat(store().totals(ACME, "other.v1")).isEqualTo(new Totals(1, 5));
    assertThat(store().totals(GLOBEX, STREAM)).isEqualTo(new Totals(1, 7));
    assertThat(store().totals(GLOBEX, "other.v1")).isEqualTo(new Totals(0, 0));
  }

  @Test
  void bytesRoundTripExactly() {
    byte[] every = new byte[512];
    for (int i = 0; i < every.length; i++) {
      every[i] = (byte) i;
    }
    byte[] largest = new byte[EventBlockStore.MAX_BLOCK_BYTES];
    new Random(11).nextBytes(largest);
    store().append(ACME, STREAM, new Block(1, every));
    store().append(ACME, STREAM, new Block(0, new byte[0]));
    store().append(ACME, STREAM, new Block(Long.MAX_VALUE / 4, largest));

    List<Stored> read = new ArrayList<>();
    store().scan(ACME, STREAM, read::add);

    assertThat(read).extracting(Stored::seq).containsExactly(1L, 2L, 3L);
    assertThat(read).extracting(Stored::events).containsExactly(1L, 0L, Long.MAX_VALUE / 4);
    assertThat(read.get(0).data()).isEqualTo(every);
    assertThat(read.get(1).data()).isEmpty();
    assertThat(read.get(2).data()).isEqualTo(largest);
    assertThat(store().totals(ACME, STREAM)).isEqualTo(new Totals(3, 1 + Long.MAX_VALUE / 4));
  }

  @Test
  void replaceReturnsThePreviousCountAndRenumbersFromOne() {
    store().append(ACME, STREAM, block(1, "a"));
    store().append(ACME, STREAM, block(2, "b"));
    store().append(ACME, STREAM, block(3, "c"));
    store().append(GLOBEX, STREAM, block(9, "g"));

    assertThat(store().replace(ACME, STREAM, List.of(block(4, "x"), block(5, "y")))).isEqualTo(3);
    assertThat(read(ACME, STREAM)).containsExactly("1:4:x", "2:5:y");
    assertThat(store().totals(ACME, STREAM)).isEqualTo(new Totals(2, 9));
    assertThat(store().append(ACME, STREAM, block(6, "z"))).isEqualTo(3);
    assertThat(read(GLOBEX, STREAM)).containsExactly("1:9:g");

    assertThat(store().replace(ACME, STREAM, List.of())).isEqualTo(3);
    assertThat(store().totals(ACME, STREAM)).isEqualTo(new Totals(0, 0));
    assertThat(store().replace(ACME, "new.v1", List.of(block(1, "n")))).isZero();
    assertThat(read(ACME, "new.v1")).containsExactly("1:1:n");
  }

  @Test
  void blankOrOverlongStreamNamesAreRefusedNamingTheStreamAndWriteNothing() {
    String longest = "s".repeat(100);
    for (String bad : List.of("", "  ", "s".repeat(101))) {
      assertThatThrownBy(() -> store().append(ACME, bad, block(1, "a")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream");
      assertThatThrownBy(() -> store().replace(ACME, bad, List.of(block(1, "a"))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream");
      assertThatThrownBy(() -> store().totals(ACME, bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream");
    }
    assertThat(store().append(ACME, longest, block(1, "a"))).isEqualTo(1);
    assertThat(read(ACME, longest)).containsExactly("1:1:a");
  }

  @Test
  void aReplaceWithAMissingBlockIsRefusedAndKeepsTheStream() {
    store().append(ACME, STREAM, block(1, "a"));
    List<Block> given = Arrays.asList(block(2, "b"), null);
    assertThatThrownBy(() -> store().replace(ACME, STREAM, given)).isInstanceOf(NullPointerException.class);
    assertThat(read(ACME, STREAM)).containsExactly("1:1:a");
  }

  @Test
  void anExceptionInTheSinkEndsTheScanAndPropagates() {
    store().append(ACME, STREAM, block(1, "a"));
    store().append(ACME, STREAM, block(2, "b"));
    store().append(ACME, STREAM, block(3, "c"));
    List<Long> seen = new ArrayList<>();
    IllegalStateException stop = new IllegalStateException("stop");

    assertThatThrownBy(() -> store().scan(ACME, STREAM, b -> {
      seen.add(b.seq());
      if (b.seq() == 2) {
        throw stop;
      }
    })).isSameAs(stop);
    assertThat(seen).containsExactly(1L, 2L);
    assertThat(store().totals(ACME, STREAM)).isEqualTo(new Totals(3, 6));
  }

  @Test
  void concurrentAppendsToOneStreamGetDistinctConsecutiveNumbersAndLoseNothing() throws Exception {
    int writers = 4;
    int each = 5;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Long> seqs = new ArrayList<>();
    try {
      List<Callable<List<Long>>> tasks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        tasks.add(() -> {
          List<Long> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            mine.add(store().append(ACME, STREAM, block(1, writer + "-" + i)));
          }
          return mine;
        });
      }
      for (Future<List<Long>> f : pool.invokeAll(tasks)) {
        seqs.addAll(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    List<Long> expected = new ArrayList<>();
    for (long s = 1; s <= writers * each; s++) {
      expected.add(s);
    }
    assertThat(seqs).containsExactlyInAnyOrderElementsOf(expected);
    List<String> read = read(ACME, STREAM);
    List<String> written = new ArrayList<>();
    for (int k = 0; k < read.size(); k++) {
      assertThat(read.get(k)).startsWith((k + 1) + ":1:");
      written.add(read.get(k).substring(read.get(k).lastIndexOf(':') + 1));
    }
    List<String> expectedBlocks = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      for (int i = 0; i < each; i++) {
        expectedBlocks.add(w + "-" + i);
      }
    }
    assertThat(written).containsExactlyInAnyOrderElementsOf(expectedBlocks);
    assertThat(store().totals(ACME, STREAM)).isEqualTo(new Totals(writers * each, writers * each));
  }
}
