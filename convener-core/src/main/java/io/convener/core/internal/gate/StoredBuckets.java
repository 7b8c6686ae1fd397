package io.convener.core.internal.gate;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.spi.storage.QuotaStore;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bucket4j buckets kept in the {@link QuotaStore}, shared by every node on it: Bucket4j's own
 * compare-and-swap proxy manager, whose algorithm reads a bucket's state, applies the call to it
 * and writes it back only if nobody wrote another state meanwhile (else it reads again). Bucket4j
 * ships JDBC proxy managers for PostgreSQL and MySQL but none for H2 or SQLite; this one runs the
 * same on all three through the store's portable statements. A bucket's row expires when the
 * bucket would be full again. Synchronous only. Thread-safe.
 */
final class StoredBuckets extends AbstractCompareAndSwapBasedProxyManager<StoredBuckets.Key> {
  /** A bucket of a tenant: its name in the tenant. */
  record Key(TenantId tenant, String bucket) {}

  private final QuotaStore store;

  StoredBuckets(QuotaStore store) {
    super(ClientSideConfig.getDefault());
    this.store = requireNonNull(store, "store");
  }

  @Override
  protected CompareAndSwapOperation beginCompareAndSwapOperation(Key key) {
    return new CompareAndSwapOperation() {
      @Override
      public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
        return store.state(key.tenant(), key.bucket());
      }

      @Override
      public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
          Optional<Long> timeoutNanos) {
        long now = currentTimeNanos();
        Instant full = Instant.now().plusNanos(Math.max(0, newState.calculateFullRefillingTime(now)));
        return store.compareAndSwap(key.tenant(), key.bucket(), Optional.ofNullable(originalData), newData, full);
      }
    };
  }

  @Override
  protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(Key key) {
    throw new UnsupportedOperationException("stored buckets are synchronous");
  }

  @Override
  public void removeProxy(Key key) {
    throw new UnsupportedOperationException("stored buckets are purged when they expire, not removed");
  }

  @Override
  protected CompletableFuture<Void> removeAsync(Key key) {
    throw new UnsupportedOperationException("stored buckets are synchronous");
  }

  @Override
  public boolean isAsyncModeSupported() {
    return false;
  }
}
