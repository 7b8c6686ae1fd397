package io.convener.core.champion;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.champion.Exactness;
import io.convener.core.internal.graph.MetricOptions;
import io.convener.spi.storage.EventBlockStore;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structure of a tenant's large window graph, kept in the {@value #STREAM} stream of the
 * {@link EventBlockStore} so that a node that has not computed it (a new process, another node, a
 * tenant evicted from memory) reads it instead of computing betweenness, constraint and
 * communities again. It is keyed by a digest of the graph itself ({@link
 * io.convener.core.internal.graph.InteractionGraph#contentDigest()}), the metric options and the
 * scoring fingerprint: it is used only for exactly the graph it was computed on, so it is exactly
 * what computing it again would give, and any change to the window's graph, on any node, leaves it
 * unused. The first block holds the key alone, so a reader whose graph differs stops after one
 * small block.
 *
 * <p>Format, version 1, big-endian: block 1 is the version byte and the 32-byte key; the blocks
 * after it hold, concatenated, the node count, the betweenness exactness (a byte for exact, the
 * samples, the error bound, the method as a length and UTF-8 bytes), then per node PageRank,
 * betweenness and constraint as doubles and the community as an int. A stream that cannot be read
 * is ignored (and replaced by the next computation). Thread-safe.
 */
final class StoredStructures {
  static final String STREAM = "champion.structure.v1";
  private static final Logger LOG = LoggerFactory.getLogger(StoredStructures.class);
  private static final byte VERSION = 1;
  private final @Nullable EventBlockStore blocks;

  /** Structures kept in {@code blocks}, or nowhere when it is null. */
  StoredStructures(@Nullable EventBlockStore blocks) {
    this.blocks = blocks;
  }

  /** What is kept: every array has one value per node. */
  record Saved(double[] pageRank, double[] betweenness, double[] constraint, int[] community, Exactness exactness) {}

  /** The key of a graph's structure: its digest, the options and the fingerprint. */
  static byte[] key(byte[] graphDigest, MetricOptions o, String fingerprint) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    sha.update(VERSION);
    sha.update(graphDigest);
    sha.update(ByteBuffer.allocate(32).putInt(o.exactLimit()).putInt(o.samples()).putLong(o.seed())
        .putDouble(o.tolerance()).putInt(o.maxIterations()).array());
    sha.update(fingerprint.getBytes(StandardCharsets.UTF_8));
    return sha.digest();
  }

  /** The structure kept under {@code key} for a graph of {@code n} nodes, or null when there is none. */
  @Nullable Saved load(TenantId tenant, byte[] key, int n) {
    if (blocks == null) {
      return null;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean[] matched = {false};
    try {
      blocks.scan(tenant, STREAM, b -> {
        if (b.seq() == 1) {
          matched[0] = b.data().length == 1 + key.length && b.data()[0] == VERSION
              && Arrays.equals(b.data(), 1, b.data().length, key, 0, key.length);
          if (!matched[0]) {
            throw new OtherGraph();
          }
        } else {
          body.write(b.data(), 0, b.data().length);
        }
      });
      return matched[0] ? decode(ByteBuffer.wrap(body.toByteArray()), n) : null;
    } catch (OtherGraph e) {
      return null;
    } catch (StorageException | IllegalStateException e) {
      LOG.warn("tenant {}: the stored champion structure cannot be read; computing it", tenant, e);
      return null;
    }
  }

  /** Keeps {@code s} under {@code key}, replacing what the tenant had; a failure is logged, not thrown. */
  void save(TenantId tenant, byte[] key, Saved s) {
    if (blocks == null) {
      return;
    }
    byte[] method = s.exactness().method().getBytes(StandardCharsets.UTF_8);
    int n = s.pageRank().length;
    ByteBuffer out = ByteBuffer.allocate(4 + 1 + 4 + 8 + 4 + method.length + 28 * n);
    out.putInt(n).put((byte) (s.exactness().exact() ? 1 : 0)).putInt(s.exactness().samples())
        .putDouble(s.exactness().errorBound()).putInt(method.length).put(method);
    for (int v = 0; v < n; v++) {
      out.putDouble(s.pageRank()[v]).putDouble(s.betweenness()[v]).putDouble(s.constraint()[v])
          .putInt(s.community()[v]);
    }
    byte[] head = new byte[1 + key.length];
    head[0] = VERSION;
    System.arraycopy(key, 0, head, 1, key.length);
    List<EventBlockStore.Block> list = new ArrayList<>();
    list.add(new EventBlockStore.Block(0, head));
    byte[] all = out.array();
    for (int from = 0; from < all.length; from += EventBlockStore.MAX_BLOCK_BYTES) {
      list.add(new EventBlockStore.Block(0, Arrays.copyOfRange(all, from,
          Math.min(all.length, from + EventBlockStore.MAX_BLOCK_BYTES))));
    }
    try {
      blocks.replace(tenant, STREAM, list);
    } catch (StorageException e) {
      LOG.warn("tenant {}: the champion structure could not be stored; the next process computes it again",
          tenant, e);
    }
  }

  private static Saved decode(ByteBuffer in, int n) {
    try {
      int stored = in.getInt();
      if (stored != n) {
        throw new IllegalStateException("a stored champion structure of " + stored + " nodes under the key of "
            + n + " nodes");
      }
      boolean exact = in.get() == 1;
      int samples = in.getInt();
      double bound = in.getDouble();
      int length = in.getInt();
      if (length < 0 || length > in.remaining()) {
        throw new IllegalStateException("a stored champion structure names a method of " + length + " bytes");
      }
      byte[] method = new byte[length];
      in.get(method);
      Exactness ex = new Exactness(exact, samples, bound, new String(method, StandardCharsets.UTF_8));
      double[] pr = new double[n];
      double[] bt = new double[n];
      double[] ct = new double[n];
      int[] cm = new int[n];
      for (int v = 0; v < n; v++) {
        pr[v] = in.getDouble();
        bt[v] = in.getDouble();
        ct[v] = in.getDouble();
        cm[v] = in.getInt();
      }
      if (in.hasRemaining()) {
        throw new IllegalStateException("a stored champion structure has bytes after its last node");
      }
      return new Saved(pr, bt, ct, cm, ex);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new IllegalStateException("a stored champion structure is cut short or malformed", e);
    }
  }

  /** Ends a scan at the first block when it holds another key. */
  private static final class OtherGraph extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OtherGraph() {
      super(null, null, false, false);
    }
  }
}
