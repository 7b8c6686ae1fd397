package io.convener.examples.witness;

import static java.util.Objects.requireNonNull;

import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.Sha256Hash;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Witnesses one tenant's log on one node. A {@link #pass} reads the checkpoint feed after the
 * checkpoint the state file keeps and, for each new checkpoint in signing order: checks that it is
 * the tenant's, that the trusted verifier key signed it, and that it extends the kept one (same root
 * at the same size; a consistency proof from the node leading to both roots at a larger size);
 * then keeps it, saving the state at once. Any failure means the log was rewritten, cut short or
 * re-signed, and throws {@link IntegrityException}, leaving the state at the last good checkpoint.
 *
 * <p>The first pass trusts the verifier key the node serves, unless one is given (pin it: a node
 * that was taken over can serve another key); later passes insist on the key in the state.
 */
public final class Witness {
  /**
   * What a pass did.
   *
   * @param checked how many new checkpoints it checked and kept
   * @param kept the checkpoint the state keeps now, if any
   * @param verifierKey the verifier key the state trusts
   */
  public record Pass(int checked, Optional<Checkpoint> kept, String verifierKey) {}

  /** How long {@link #follow} waits before it reconnects to a stream the node ended. */
  static final Duration RECONNECT = Duration.ofSeconds(2);

  private final FeedClient feed;
  private final StreamClient stream;
  private final TenantId tenant;
  private final Optional<String> pinnedKey;

  /**
   * @param base the node's base URI, such as {@code https://convener.example.com/}
   * @param token a bearer token of a compliance officer (or admin) of {@code tenant}
   * @param tenant whose log to witness
   * @param pinnedKey the verifier key to insist on; empty to trust the node's on the first pass
   */
  public Witness(URI base, String token, TenantId tenant, Optional<String> pinnedKey) {
    this.feed = new FeedClient(base, token);
    this.stream = new StreamClient(base, token);
    this.tenant = requireNonNull(tenant, "tenant");
    this.pinnedKey = requireNonNull(pinnedKey, "pinnedKey");
    pinnedKey.ifPresent(NoteChecks::parseKey);
  }

  /**
   * Checks every checkpoint the feed has after the one {@code stateFile} keeps, keeping each.
   *
   * @throws IntegrityException when a checkpoint does not verify or does not extend the kept one
   * @throws IllegalArgumentException when the state file is damaged or belongs to another tenant
   */
  public Pass pass(Path stateFile) {
    Optional<WitnessState> saved = load(stateFile);
    CheckpointCursor after = saved.flatMap(WitnessState::kept).map(CheckpointCursor::of).orElse(CheckpointCursor.start());
    @Nullable WitnessState state = saved.orElse(null);
    int checked = 0;
    while (true) {
      FeedClient.Page page = feed.page(after);
      if (state == null) {
        state = new WitnessState(tenant, pinnedKey.orElse(page.verifierKey()), Optional.empty());
      }
      checkKey(state, page.verifierKey());
      NoteChecks.VerifierKey key = NoteChecks.parseKey(state.verifierKey());
      for (Checkpoint next : page.checkpoints()) {
        check(state.kept(), next, key);
        state = state.keeping(next);
        state.write(stateFile);
        checked++;
        after = CheckpointCursor.of(next);
      }
      if (page.next().isEmpty() || page.checkpoints().isEmpty()) {
        break;
      }
    }
    state.write(stateFile);
    return new Pass(checked, state.kept(), state.verifierKey());
  }

  /**
   * Follows the node's checkpoint stream: catches up with {@link #pass}, then checks and keeps each
   * checkpoint the node pushes as it arrives ({@link #keep}), reporting every pass; when the node
   * ends the stream (a token that expires, a restart) it reconnects after {@link #RECONNECT} from
   * the checkpoint kept. Returns only by throwing.
   *
   * @throws IntegrityException when a checkpoint does not verify or does not extend the kept one
   * @throws java.io.UncheckedIOException when the node cannot be reached or refuses the stream
   * @throws InterruptedException when the thread is interrupted between two connections
   */
  public void follow(Path stateFile, Consumer<Pass> report) throws InterruptedException {
    report.accept(pass(stateFile));
    while (true) {
      CheckpointCursor after = WitnessState.read(stateFile).flatMap(WitnessState::kept).map(CheckpointCursor::of)
          .orElse(CheckpointCursor.start());
      stream.read(after, pushed -> {
        Pass kept = keep(stateFile, pushed.checkpoint(), pushed.verifierKey());
        if (kept.checked() > 0) {
          report.accept(kept);
        }
      });
      Thread.sleep(RECONNECT.toMillis());
    }
  }

  /**
   * Checks one checkpoint the node pushed, with the verifier key it served, against the one {@code
   * stateFile} keeps, and keeps it. A checkpoint at or before the kept one in the feed (a replay)
   * is skipped: the pass then reports 0 checked.
   *
   * @throws IntegrityException when the checkpoint does not verify or does not extend the kept one
   * @throws IllegalArgumentException when the state file is damaged or belongs to another tenant
   */
  public Pass keep(Path stateFile, Checkpoint next, String servedKey) {
    Optional<WitnessState> saved = load(stateFile);
    WitnessState state = saved.orElseGet(() -> new WitnessState(tenant, pinnedKey.orElse(servedKey), Optional.empty()));
    checkKey(state, servedKey);
    if (state.kept().isPresent() && !CheckpointCursor.of(state.kept().get()).precedes(next)) {
      return new Pass(0, state.kept(), state.verifierKey());
    }
    check(state.kept(), next, NoteChecks.parseKey(state.verifierKey()));
    state = state.keeping(next);
    state.write(stateFile);
    return new Pass(1, state.kept(), state.verifierKey());
  }

  /** The state the file keeps, if any; refuses another tenant's. */
  private Optional<WitnessState> load(Path stateFile) {
    Optional<WitnessState> saved = WitnessState.read(stateFile);
    if (saved.isPresent() && !saved.get().tenant().equals(tenant)) {
      throw new IllegalArgumentException("the witness state " + stateFile + " is of tenant " + saved.get().tenant()
          + ", not " + tenant);
    }
    return saved;
  }

  private void checkKey(WitnessState state, String served) {
    if (!state.verifierKey().equals(served)) {
      throw new IntegrityException("the node signs the log of convener/" + tenant + " with the key " + served
          + ", not the trusted " + state.verifierKey() + ": the log may have been re-signed");
    }
  }

  private void check(Optional<Checkpoint> kept, Checkpoint next, NoteChecks.VerifierKey key) {
    if (!next.tenant().equals(tenant)) {
      throw new IntegrityException("the feed of " + tenant + " served a checkpoint of " + next.head().origin());
    }
    if (!NoteChecks.signedBy(next, key)) {
      throw new IntegrityException("the checkpoint of " + next.timestamp() + " at size " + next.treeSize()
          + " is not signed by the trusted key " + key.name());
    }
    if (kept.isEmpty()) {
      return;
    }
    Checkpoint old = kept.get();
    String rewritten = "the log of " + next.head().origin() + " was rewritten: the checkpoint of " + next.timestamp()
        + " at size " + next.treeSize() + " does not extend the one kept of " + old.timestamp() + " at size "
        + old.treeSize();
    if (next.treeSize() < old.treeSize()) {
      throw new IntegrityException(rewritten + " (the log shrank: entries from index " + next.treeSize()
          + " on were removed)");
    }
    if (next.treeSize() == old.treeSize()) {
      if (!next.root().equals(old.root())) {
        throw new IntegrityException(rewritten + " (same size, another root)");
      }
      return;
    }
    if (old.treeSize() == 0) {
      return; // every log extends the empty one
    }
    List<Sha256Hash> proof = feed.consistency(old.treeSize(), next.treeSize());
    if (!NoteChecks.consistent(old.treeSize(), next.treeSize(), proof, old.root(), next.root())) {
      throw new IntegrityException(rewritten + " (the node's consistency proof does not lead to both roots:"
          + " an entry among the first " + old.treeSize() + " was changed, removed or replaced)");
    }
  }
}
