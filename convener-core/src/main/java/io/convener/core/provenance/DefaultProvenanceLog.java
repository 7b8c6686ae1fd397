package io.convener.core.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.notify.Subscription;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.CheckpointPage;
import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.EntryProof;
import io.convener.api.provenance.InclusionProof;
import io.convener.api.provenance.ProvenanceLog;
import io.convener.api.provenance.ProvenancePage;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.TreeHead;
import io.convener.api.provenance.VerificationResult;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.core.internal.checkpoint.CheckpointSigner;
import io.convener.core.internal.provenance.CanonicalEntry;
import io.convener.core.internal.provenance.CheckpointKeys;
import io.convener.core.internal.provenance.SigningKey;
import io.convener.spi.storage.ProvenanceHead;
import io.convener.spi.storage.ProvenanceRow;
import io.convener.spi.storage.ProvenanceStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link ProvenanceLog}: every method is an {@link Invocation} through the {@link Gate}, for
 * compliance officers and admins, so reading, verifying or proving the log is logged like any
 * other call. Thread-safe.
 */
final class DefaultProvenanceLog implements ProvenanceLog {
  private static final Role[] READERS = {Role.COMPLIANCE_OFFICER, Role.ADMIN};
  /** The most checkpoints one page of the feed holds. */
  static final int MAX_CHECKPOINTS = 1000;

  private final Gate gate;
  private final Ledger ledger;
  private final ProvenanceStore store;
  private final CheckpointKeys keys;
  private final LogVerifier verifier;
  private final Clock clock;
  private final CheckpointFollower follower;

  @Inject
  DefaultProvenanceLog(Gate gate, Ledger ledger, ProvenanceStore store, CheckpointKeys keys,
      CheckpointFollower follower) {
    this(gate, ledger, store, keys, Clock.systemUTC(), follower);
  }

  DefaultProvenanceLog(Gate gate, Ledger ledger, ProvenanceStore store, CheckpointKeys keys, Clock clock,
      CheckpointFollower follower) {
    this.follower = requireNonNull(follower, "follower");
    this.gate = requireNonNull(gate, "gate");
    this.ledger = requireNonNull(ledger, "ledger");
    this.store = requireNonNull(store, "store");
    this.keys = requireNonNull(keys, "keys");
    this.verifier = new LogVerifier(store, tenant -> ledger.whileNotAppending(tenant,
        () -> new LogVerifier.Snapshot(store.head(tenant), store.storedRows(tenant))));
    this.clock = requireNonNull(clock, "clock");
  }

  private <T> Invocation.Builder<T> call(String activity, Function<TenantId, T> service) {
    return Invocation.of(activity, service).roles(READERS);
  }

  @Override
  public ProvenancePage query(Principal principal, ProvenanceQuery query) {
    requireNonNull(query, "query");
    return gate.invoke(principal, this.<ProvenancePage>call("provenance.query", tenant -> page(tenant, query))
        .inputs(() -> queryInputs(query))
        .build());
  }

  private ProvenancePage page(TenantId tenant, ProvenanceQuery query) {
    List<ProvenanceRow> rows = store.find(tenant, query);
    List<ProvenanceEntry> entries = new ArrayList<>(rows.size());
    rows.forEach(r -> entries.add(r.entry()));
    OptionalLong next = rows.size() == query.limit()
        ? OptionalLong.of(rows.get(rows.size() - 1).sequence())
        : OptionalLong.empty();
    return new ProvenancePage(entries, next);
  }

  @Override
  public VerificationResult verify(Principal principal) {
    return gate.invoke(principal, this.<VerificationResult>call("provenance.verify", tenant -> verifyStored(tenant, List.of()))
        .generated(r -> List.of("verification:" + (r.verified() ? "ok" : "failed") + ":" + r.entries()))
        .build());
  }

  @Override
  public VerificationResult verify(Principal principal, Checkpoint saved) {
    requireNonNull(saved, "saved");
    return gate.invoke(principal, this.<VerificationResult>call("provenance.verify", tenant -> verifyStored(tenant, List.of(saved)))
        .names(saved.tenant())
        .inputs(() -> Map.of("checkpoint", saved.toText()))
        .used(() -> List.of(checkpointEntity(saved.treeSize(), saved.root().hex())))
        .generated(r -> List.of("verification:" + (r.verified() ? "ok" : "failed") + ":" + r.entries()))
        .build());
  }

  private VerificationResult verifyStored(TenantId tenant, List<Checkpoint> extra) {
    List<Checkpoint> all = new ArrayList<>(store.checkpoints(tenant));
    all.addAll(extra);
    return verifier.verify(tenant, all, keys.signingKey(tenant).keys().getPublic());
  }

  @Override
  public Checkpoint checkpoint(Principal principal) {
    return gate.invoke(principal, this.<Checkpoint>call("provenance.checkpoint", this::sign)
        .generated(c -> List.of(checkpointEntity(c.treeSize(), c.root().hex())))
        .build());
  }

  private Checkpoint sign(TenantId tenant) {
    ProvenanceHead head = ledger.head(tenant);
    SigningKey key = keys.signingKey(tenant);
    Checkpoint checkpoint = CheckpointSigner.sign(
        new TreeHead(tenant, head.size(), head.root(), clock.instant()), key.name(), key.keys());
    store.saveCheckpoint(tenant, checkpoint);
    follower.kept(tenant);
    return checkpoint;
  }

  @Override
  public CheckpointPage checkpoints(Principal principal, CheckpointCursor after, int limit) {
    requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_CHECKPOINTS) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_CHECKPOINTS + ", got " + limit);
    }
    return gate.invoke(principal, this.<CheckpointPage>call("provenance.checkpoints", tenant -> {
      List<Checkpoint> page = store.checkpointsAfter(tenant, after, limit);
      SigningKey key = keys.signingKey(tenant);
      return new CheckpointPage(page,
          page.size() == limit ? Optional.of(CheckpointCursor.of(page.get(page.size() - 1))) : Optional.empty(),
          CheckpointSigner.verifierKey(key.name(), key.keys().getPublic()));
    }).inputs(() -> Map.of("after", after.toString(), "limit", limit)).build());
  }

  @Override
  public Subscription followCheckpoints(Principal principal, CheckpointCursor after, Consumer<Checkpoint> listener) {
    requireNonNull(after, "after");
    requireNonNull(listener, "listener");
    return gate.invoke(principal, this.<Subscription>call("provenance.checkpoints.follow",
        tenant -> follower.follow(tenant, after, listener)).inputs(() -> Map.of("after", after.toString())).build());
  }

  @Override
  public String verifierKey(Principal principal) {
    return gate.invoke(principal, this.<String>call("provenance.verifier-key", tenant -> {
      SigningKey key = keys.signingKey(tenant);
      return CheckpointSigner.verifierKey(key.name(), key.keys().getPublic());
    }).build());
  }

  @Override
  public EntryProof proveEntry(Principal principal, long sequence) {
    return gate.invoke(principal, this.<EntryProof>call("provenance.prove", tenant -> prove(tenant, sequence))
        .inputs(() -> Map.of("sequence", sequence))
        .used(() -> List.of("entry:" + sequence))
        .build());
  }

  private EntryProof prove(TenantId tenant, long sequence) {
    return ledger.withTree(tenant, (tree, size) -> {
      if (sequence < 0 || sequence >= size) {
        throw new IllegalArgumentException("the log has entries 0 to " + (size - 1) + ", not " + sequence);
      }
      ProvenanceRow row = store.range(tenant, sequence, 1).get(0);
      if (row.sequence() != sequence) {
        throw new IllegalArgumentException("entry " + sequence + " is missing from the log");
      }
      InclusionProof proof = tree.inclusionProof(sequence, size);
      SigningKey key = keys.signingKey(tenant);
      Checkpoint checkpoint = CheckpointSigner.sign(
          new TreeHead(tenant, size, tree.rootHash(size), clock.instant()), key.name(), key.keys());
      return new EntryProof(row.entry(), CanonicalEntry.leafHash(row.entry()), proof, checkpoint);
    });
  }

  @Override
  public ConsistencyProof consistencyProof(Principal principal, long size1, long size2) {
    return gate.invoke(principal, this.<ConsistencyProof>call("provenance.consistency",
            tenant -> ledger.withTree(tenant, (tree, size) -> tree.consistencyProof(size1, size2)))
        .inputs(() -> Map.of("size1", size1, "size2", size2))
        .build());
  }

  @Override
  public String exportProvJson(Principal principal, ProvenanceQuery query) {
    requireNonNull(query, "query");
    return gate.invoke(principal, this.<String>call("provenance.export",
            tenant -> ProvJson.write(tenant, page(tenant, query).entries()))
        .inputs(() -> queryInputs(query))
        .build());
  }

  private static String checkpointEntity(long size, String rootHex) {
    return "checkpoint:" + size + ":" + rootHex;
  }

  private static Map<String, Object> queryInputs(ProvenanceQuery q) {
    Map<String, Object> in = new LinkedHashMap<>();
    q.since().ifPresent(s -> in.put("since", s.toString()));
    q.until().ifPresent(u -> in.put("until", u.toString()));
    q.activity().ifPresent(a -> in.put("activity", a));
    q.agent().ifPresent(a -> in.put("agent", a));
    q.entity().ifPresent(e -> in.put("entity", e));
    q.after().ifPresent(a -> in.put("after", a));
    in.put("limit", q.limit());
    return in;
  }
}
