package io.convener.testing.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.provenance.Sha256Hash;
import io.convener.api.provenance.TreeHead;
import io.convener.spi.storage.ProvenanceHead;
import io.convener.spi.storage.ProvenanceRow;
import io.convener.spi.storage.StoredSigningKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link io.convener.spi.storage.ProvenanceStore}: every implementation passes it
 * once per database it supports. Rows round-trip every field exactly (nanosecond times, roles,
 * every outcome, a cause, entity order); appends are compare-and-set on the head and all or
 * nothing; reads return rows as stored, by sequence; queries filter by time, activity, agent and
 * entity and page by cursor; checkpoints and signing keys are kept; and the same sequences written
 * into two tenants never leak across. The store hashes nothing, so the hashes here are arbitrary.
 */
public abstract class ProvenanceStoreContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00.123456789Z");

  private @Nullable ProvenanceFixture fixture;

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected ProvenanceStoreContract() {}

  /** The stores under test, over a new and empty database; the lifecycle not yet started. */
  protected abstract ProvenanceFixture openStores() throws Exception;

  @BeforeEach
  void openAndStart() throws Exception {
    fixture = openStores();
    fixture.lifecycle().start();
    fixture.tenants().register(ACME);
    fixture.tenants().register(GLOBEX);
  }

  @AfterEach
  void closeFixture() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private ProvenanceFixture s() {
    if (fixture == null) {
      throw new IllegalStateException("no fixture: openStores() failed");
    }
    return fixture;
  }

  static Sha256Hash hash(String text) {
    try {
      return Sha256Hash.of(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Entry {@code seq} of a tenant, varied in every field. */
  static ProvenanceRow row(TenantId tenant, long seq) {
    Outcome outcome = switch ((int) (seq % 3)) {
      case 0 -> Outcome.ok();
      case 1 -> Outcome.denied("access_denied", "ingest needs one of the roles [ADMIN] — é中");
      default -> Outcome.failed("storage", "StorageException");
    };
    ProvenanceEntry.Builder b = ProvenanceEntry.builder()
        .tenant(tenant)
        .sequence(seq)
        .at(T0.plusSeconds(seq).plusNanos(seq))
        .agent(seq % 4 == 3 ? Agent.system("checkpoint-signer")
            : new Agent(Agent.Kind.PRINCIPAL, seq % 2 == 0 ? "ana" : "bo", Set.of(Role.ADMIN, Role.MEMBER)))
        .activity(seq % 2 == 0 ? "ingest" : "provenance.query")
        .used(seq % 2 == 0 ? List.of("input:sha256:" + hash("in" + seq).hex(), "shared-entity") : List.of())
        .generated(List.of("summary:" + tenant + ":" + seq))
        .inputDigest(hash(tenant + "inputs" + seq))
        .outcome(outcome);
    if (seq > 0 && seq % 5 == 0) {
      b.causedBy(seq - 1);
    }
    if (seq > 1 && seq % 7 == 0) {
      b.replayOf(seq - 2);
    }
    return new ProvenanceRow(b.build(), hash(tenant + "leaf" + seq), hash(tenant + "root" + seq));
  }

  static List<ProvenanceRow> rows(TenantId tenant, long from, int count) {
    return LongStream.range(from, from + count).mapToObj(s -> row(tenant, s)).toList();
  }

  static ProvenanceHead headAfter(TenantId tenant, List<ProvenanceRow> rows, long size) {
    List<Sha256Hash> frontier = new ArrayList<>();
    for (int i = 0; i < Long.bitCount(size); i++) {
      frontier.add(hash(tenant + "frontier" + size + "/" + i));
    }
    return new ProvenanceHead(size, rows.get(rows.size() - 1).rootAfter(), frontier,
        rows.get(rows.size() - 1).entry().at());
  }

  private void append(TenantId tenant, long from, int count) {
    List<ProvenanceRow> rows = rows(tenant, from, count);
    assertThat(s().provenance().append(tenant, from, rows, headAfter(tenant, rows, from + count))).isTrue();
  }

  @Test
  void anEmptyLogHasTheEmptyHead() {
    assertThat(s().provenance().head(ACME)).isEqualTo(ProvenanceHead.empty());
    assertThat(s().provenance().count(ACME)).isZero();
    assertThat(s().provenance().range(ACME, 0, 10)).isEmpty();
    assertThat(s().provenance().find(ACME, ProvenanceQuery.all())).isEmpty();
  }

  @Test
  void rowsRoundTripEveryFieldAndTheHeadMoves() {
    List<ProvenanceRow> rows = rows(ACME, 0, 12);
    ProvenanceHead head = headAfter(ACME, rows, 12);

    assertThat(s().provenance().append(ACME, 0, rows, head)).isTrue();

    assertThat(s().provenance().range(ACME, 0, 100)).containsExactlyElementsOf(rows);
    assertThat(s().provenance().head(ACME)).isEqualTo(head);
    assertThat(s().provenance().count(ACME)).isEqualTo(12);
    assertThat(s().provenance().range(ACME, 5, 3)).containsExactlyElementsOf(rows.subList(5, 8));
  }

  @Test
  void appendsContinueTheLogInBatchesAndSingly() {
    append(ACME, 0, 3);
    append(ACME, 3, 1);
    append(ACME, 4, 500);

    assertThat(s().provenance().count(ACME)).isEqualTo(504);
    assertThat(s().provenance().range(ACME, 0, 1000)).containsExactlyElementsOf(rows(ACME, 0, 504));
    assertThat(s().provenance().head(ACME).size()).isEqualTo(504);
  }

  @Test
  void anAppendFromAStaleHeadWritesNothingAndSaysSo() {
    append(ACME, 0, 3);
    List<ProvenanceRow> stale = rows(ACME, 2, 2);

    assertThatThrownBy(() -> s().provenance().append(ACME, 2, stale, headAfter(ACME, stale, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    List<ProvenanceRow> racing = rows(ACME, 0, 2);
    assertThat(s().provenance().append(ACME, 0, racing, headAfter(ACME, racing, 2))).isFalse();

    assertThat(s().provenance().range(ACME, 0, 100)).containsExactlyElementsOf(rows(ACME, 0, 3));
    assertThat(s().provenance().head(ACME).size()).isEqualTo(3);
  }

  @Test
  void rowsMustContinueTheExpectedSizeAndMatchTheNextHead() {
    List<ProvenanceRow> rows = rows(ACME, 1, 2);
    assertThatThrownBy(() -> s().provenance().append(ACME, 0, rows, headAfter(ACME, rows, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    List<ProvenanceRow> ok = rows(ACME, 0, 2);
    assertThatThrownBy(() -> s().provenance().append(ACME, 0, ok, headAfter(ACME, ok, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    List<ProvenanceRow> otherTenant = rows(GLOBEX, 0, 2);
    assertThatThrownBy(() -> s().provenance().append(ACME, 0, otherTenant, headAfter(GLOBEX, otherTenant, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(s().provenance().count(ACME)).isZero();
  }

  @Test
  void moveHeadIsCompareAndSet() {
    append(ACME, 0, 3);
    List<ProvenanceRow> rows = rows(ACME, 0, 3);
    ProvenanceHead moved = new ProvenanceHead(4, hash("x"), List.of(hash("y")), T0);

    assertThat(s().provenance().moveHead(ACME, 2, moved)).isFalse();
    assertThat(s().provenance().head(ACME)).isEqualTo(headAfter(ACME, rows, 3));
    assertThat(s().provenance().moveHead(ACME, 3, moved)).isTrue();
    assertThat(s().provenance().head(ACME)).isEqualTo(moved);
  }

  @Test
  void queriesFilterByTimeActivityAgentAndEntityInOrderAndPage() {
    append(ACME, 0, 30);
    List<ProvenanceRow> all = rows(ACME, 0, 30);

    assertThat(find(ProvenanceQuery.builder().limit(1000).build())).containsExactlyElementsOf(all);
    assertThat(find(ProvenanceQuery.builder().activity("ingest").build()))
        .containsExactlyElementsOf(all.stream().filter(r -> r.entry().activity().equals("ingest")).toList());
    assertThat(find(ProvenanceQuery.builder().agent("bo").build()))
        .containsExactlyElementsOf(all.stream().filter(r -> r.entry().agent().id().equals("bo")).toList());
    assertThat(find(ProvenanceQuery.builder().since(T0.plusSeconds(10)).until(T0.plusSeconds(20)).build()))
        .containsExactlyElementsOf(all.subList(10, 20));
    assertThat(find(ProvenanceQuery.builder().entity("summary:acme:7").build())).containsExactly(all.get(7));
    assertThat(find(ProvenanceQuery.builder().entity("shared-entity").build()))
        .containsExactlyElementsOf(all.stream().filter(r -> r.entry().used().contains("shared-entity")).toList());
    assertThat(find(ProvenanceQuery.builder().entity("nothing").build())).isEmpty();

    List<ProvenanceRow> paged = new ArrayList<>();
    ProvenanceQuery page = ProvenanceQuery.builder().activity("ingest").limit(4).build();
    while (true) {
      List<ProvenanceRow> got = find(page);
      paged.addAll(got);
      if (got.size() < page.limit()) {
        break;
      }
      page = page.after(got.get(got.size() - 1).sequence());
    }
    assertThat(paged).containsExactlyElementsOf(find(ProvenanceQuery.builder().activity("ingest").build()));
  }

  private List<ProvenanceRow> find(ProvenanceQuery query) {
    List<ProvenanceRow> found = s().provenance().find(ACME, query);
    assertThat(found).allMatch(r -> query.matches(r.entry()));
    return found;
  }

  @Test
  void leafHashesAreReadByRange() {
    append(ACME, 0, 20);
    List<Sha256Hash> expected = rows(ACME, 5, 10).stream().map(ProvenanceRow::leafHash).toList();

    assertThat(s().provenance().leafHashes(ACME, 5, 10)).containsExactlyElementsOf(expected);
    assertThat(s().provenance().leafHashes(ACME, 0, 0)).isEmpty();
    assertThatThrownBy(() -> s().provenance().leafHashes(ACME, 15, 6)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void checkpointsAreKeptOnceEach() {
    Checkpoint first = checkpoint(ACME, 3, T0);
    Checkpoint second = checkpoint(ACME, 7, T0.plusSeconds(1));

    s().provenance().saveCheckpoint(ACME, second);
    s().provenance().saveCheckpoint(ACME, first);
    s().provenance().saveCheckpoint(ACME, first);

    assertThat(s().provenance().checkpoints(ACME)).containsExactly(first, second);
    assertThatThrownBy(() -> s().provenance().saveCheckpoint(GLOBEX, first)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCheckpointFeedListsBySigningTimeThenSizeAfterTheCursor() {
    Checkpoint first = checkpoint(ACME, 9, T0);
    Checkpoint rewritten = checkpoint(ACME, 4, T0.plusSeconds(1)); // smaller, but signed later
    Checkpoint sameMillis = checkpoint(ACME, 6, T0.plusSeconds(1));
    Checkpoint last = checkpoint(ACME, 12, T0.plusSeconds(2));
    for (Checkpoint c : List.of(last, sameMillis, first, rewritten)) {
      s().provenance().saveCheckpoint(ACME, c);
    }
    s().provenance().saveCheckpoint(GLOBEX, checkpoint(GLOBEX, 1, T0));

    assertThat(s().provenance().checkpointsAfter(ACME, CheckpointCursor.start(), 10))
        .containsExactly(first, rewritten, sameMillis, last);
    assertThat(s().provenance().checkpointsAfter(ACME, CheckpointCursor.start(), 2)).containsExactly(first, rewritten);
    assertThat(s().provenance().checkpointsAfter(ACME, CheckpointCursor.of(rewritten), 10)).containsExactly(sameMillis, last);
    assertThat(s().provenance().checkpointsAfter(ACME, CheckpointCursor.of(last), 10)).isEmpty();
    assertThat(s().provenance().checkpointsAfter(GLOBEX, CheckpointCursor.start(), 10)).hasSize(1);
  }

  static Checkpoint checkpoint(TenantId tenant, long size, Instant at) {
    byte[] signature = new byte[Checkpoint.SIGNATURE_SIZE];
    signature[0] = (byte) size;
    return new Checkpoint(new TreeHead(tenant, size, hash(tenant + "root" + size), at), "convener-" + tenant, 42, signature);
  }

  @Test
  void theFirstSigningKeySavedStays() {
    StoredSigningKey key = new StoredSigningKey("convener-acme", "cHJpdmF0ZQ==", "cHVibGlj");
    StoredSigningKey other = new StoredSigningKey("convener-acme-2", "b3RoZXI=", "b3RoZXJwdWI=");

    assertThat(s().provenance().signingKey(ACME)).isEmpty();
    assertThat(s().provenance().saveSigningKey(ACME, key)).isEqualTo(key);
    assertThat(s().provenance().saveSigningKey(ACME, other)).isEqualTo(key);
    assertThat(s().provenance().signingKey(ACME)).contains(key);
  }

  @Test
  void theSameSequencesInTwoTenantsNeverLeak() {
    append(ACME, 0, 10);
    append(GLOBEX, 0, 4);
    s().provenance().saveCheckpoint(ACME, checkpoint(ACME, 10, T0));
    s().provenance().saveSigningKey(GLOBEX, new StoredSigningKey("convener-globex", "cHJpdg==", "cHVi"));

    assertThat(s().provenance().range(ACME, 0, 100)).containsExactlyElementsOf(rows(ACME, 0, 10));
    assertThat(s().provenance().range(GLOBEX, 0, 100)).containsExactlyElementsOf(rows(GLOBEX, 0, 4));
    assertThat(s().provenance().count(GLOBEX)).isEqualTo(4);
    assertThat(s().provenance().head(GLOBEX).size()).isEqualTo(4);
    assertThat(s().provenance().find(GLOBEX, ProvenanceQuery.builder().entity("summary:acme:7").build())).isEmpty();
    assertThat(s().provenance().find(GLOBEX, ProvenanceQuery.builder().limit(1000).build()))
        .allMatch(r -> r.entry().tenant().equals(GLOBEX)).hasSize(4);
    assertThat(s().provenance().leafHashes(GLOBEX, 0, 4))
        .containsExactlyElementsOf(rows(GLOBEX, 0, 4).stream().map(ProvenanceRow::leafHash).toList());
    assertThatThrownBy(() -> s().provenance().leafHashes(GLOBEX, 0, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(s().provenance().checkpoints(GLOBEX)).isEmpty();
    assertThat(s().provenance().signingKey(ACME)).isEmpty();
    // An append to one tenant leaves the other's head alone.
    append(GLOBEX, 4, 1);
    assertThat(s().provenance().head(ACME).size()).isEqualTo(10);
  }
}
