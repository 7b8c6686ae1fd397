package io.convener.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.EntryProof;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenancePage;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.provenance.Sha256Hash;
import io.convener.api.provenance.VerificationResult;
import io.convener.core.ConvenerModule;
import io.convener.core.internal.gate.EntryDraft;
import io.convener.core.internal.gate.ProvenanceRecorder;
import io.convener.core.internal.checkpoint.CheckpointSigner;
import io.convener.core.internal.checkpoint.CheckpointVerifier;
import io.convener.core.internal.merkle.MerkleVerifier;
import io.convener.core.internal.provenance.CanonicalEntry;
import io.convener.core.internal.provenance.CheckpointKeys;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provenance log end to end on an in-memory H2 store, through the {@link Convener} facade. */
class ProvenanceLogTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Principal LOADER = Principal.of(ACME, "loader", Role.ADMIN);
  private static final Principal AUDITOR = Principal.of(ACME, "audrey", Role.COMPLIANCE_OFFICER);
  private static final Principal MEMBER = Principal.of(ACME, "mo", Role.MEMBER);

  private String url = "";
  private Injector injector;
  private Convener convener;

  @BeforeEach
  void open() {
    url = "jdbc:h2:mem:prov-" + UUID.randomUUID();
    injector = Guice.createInjector(new ConvenerModule(), new JdbcStorageModule(JdbcSettings.of(url)));
    convener = injector.getInstance(Convener.class);
    convener.start();
  }

  @AfterEach
  void close() {
    convener.close();
  }

  private void ingestSome() {
    Event e1 = Event.builder(EventId.of("e1"), Instant.parse("2026-11-02T09:00:00Z"), EventKind.MESSAGE, MemberId.of("ana")).build();
    convener.ingest().submit(LOADER, List.of(Member.of(MemberId.of("ana"))), List.of(e1));
    convener.ingest().stream(LOADER, new ByteArrayInputStream(
        "{\"id\":\"e2\",\"at\":\"2026-11-02T09:01:00Z\",\"kind\":\"message\",\"actor\":\"bo\"}\n".getBytes(StandardCharsets.UTF_8)),
        io.convener.api.ingest.InputFormat.JSON_LINES);
  }

  private List<ProvenanceEntry> all(TenantId tenant) {
    return convener.provenance().query(Principal.of(tenant, "all", Role.ADMIN), ProvenanceQuery.builder().limit(1000).build())
        .entries();
  }

  @Test
  void everyCallLeavesOneEntryWhetherItSucceedsIsDeniedOrFailsAndIngestionOnePerBatchBeforeIt() {
    ingestSome();
    assertThatThrownBy(() -> convener.ingest().submit(MEMBER, List.of(), List.of())).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> convener.provenance().query(MEMBER, ProvenanceQuery.all())).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> convener.provenance().proveEntry(AUDITOR, 999)).isInstanceOf(IllegalArgumentException.class);

    List<ProvenanceEntry> entries = all(ACME);

    assertThat(entries).extracting(ProvenanceEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(entries).extracting(ProvenanceEntry::activity).containsExactly(
        "ingest.batch", "ingest.batch", "ingest", "ingest.batch", "ingest", "ingest", "provenance.query", "provenance.prove");
    assertThat(entries).extracting(e -> e.outcome().status()).containsExactly(Outcome.Status.OK, Outcome.Status.OK,
        Outcome.Status.OK, Outcome.Status.OK, Outcome.Status.OK, Outcome.Status.DENIED, Outcome.Status.DENIED,
        Outcome.Status.FAILED);
    assertThat(entries.subList(0, 5)).extracting(ProvenanceEntry::agent).containsOnly(Agent.of(LOADER));
    assertThat(entries.get(0).generated())
        .containsExactly("ingest-batch:0:members=1,upserted=1,events=0,duplicates=0,consent-events=0");
    assertThat(entries.get(1).generated())
        .containsExactly("ingest-batch:1:members=0,upserted=0,events=1,duplicates=0,consent-events=0");
    assertThat(entries.get(1).causedBy()).hasValue(0);
    assertThat(entries.get(2).generated()).containsExactly("ingest-summary:members=1,events=1,duplicates=0,rejected=0");
    assertThat(entries.get(2).used()).isEqualTo(entries.get(0).used()).isEqualTo(entries.get(1).used())
        .singleElement().asString().startsWith("ingest-run:");
    assertThat(entries.get(4).used()).hasSize(2).first().asString().startsWith("input:sha256:");
    assertThat(entries.get(4).used().get(1)).isEqualTo(entries.get(3).used().get(0)).isNotEqualTo(entries.get(0).used().get(0));
    assertThat(entries.get(7).outcome()).isEqualTo(Outcome.failed("internal", "IllegalArgumentException"));
    assertThat(entries).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
    assertThat(all(GLOBEX)).isEmpty();
  }

  @Test
  void queriesPageInOrderAndTheLogVerifies() {
    for (int i = 0; i < 7; i++) {
      ingestSome();
    }
    List<ProvenanceEntry> paged = new ArrayList<>();
    ProvenanceQuery query = ProvenanceQuery.builder().activity("ingest").limit(5).build();
    while (true) {
      ProvenancePage page = convener.provenance().query(AUDITOR, query);
      paged.addAll(page.entries());
      if (page.next().isEmpty()) {
        break;
      }
      query = query.after(page.next().getAsLong());
    }
    assertThat(paged).hasSize(14).extracting(ProvenanceEntry::sequence).isSorted();
    assertThat(convener.provenance().verify(AUDITOR)).isEqualTo(VerificationResult.ok(all(ACME).size() - 1));
  }

  @Test
  void checkpointsAreSignedWithTheTenantsKeyAndProofsVerifyAgainstThem() {
    ingestSome();
    Checkpoint first = convener.provenance().checkpoint(AUDITOR);
    ingestSome();
    ingestSome();
    Checkpoint second = convener.provenance().checkpoint(AUDITOR);

    var key = injector.getInstance(CheckpointKeys.class).signingKey(ACME);
    assertThat(convener.provenance().verifierKey(AUDITOR))
        .isEqualTo(CheckpointSigner.verifierKey(key.name(), key.keys().getPublic()));
    CheckpointVerifier.checkSignature(first, key.keys().getPublic());
    CheckpointVerifier.checkSignature(second, key.keys().getPublic());
    assertThat(first.treeSize()).isEqualTo(5);
    assertThat(second.treeSize()).isEqualTo(16);

    EntryProof proof = convener.provenance().proveEntry(AUDITOR, 1);
    CheckpointVerifier.checkSignature(proof.checkpoint(), key.keys().getPublic());
    assertThat(proof.leafHash()).isEqualTo(CanonicalEntry.leafHash(proof.entry()));
    MerkleVerifier.checkInclusion(proof.proof(), proof.leafHash(), proof.checkpoint().root());

    ConsistencyProof consistency = convener.provenance().consistencyProof(AUDITOR, first.treeSize(), second.treeSize());
    CheckpointVerifier.checkConsistent(first, second, consistency);

    assertThat(convener.provenance().verify(AUDITOR, first).verified()).isTrue();
  }

  @Test
  void aSavedCheckpointOfAnotherTenantIsDeniedAndOneNotSignedByTheTenantFails() {
    ingestSome();
    Checkpoint acme = convener.provenance().checkpoint(AUDITOR);
    Principal globexAuditor = Principal.of(GLOBEX, "gia", Role.COMPLIANCE_OFFICER);

    assertThatThrownBy(() -> convener.provenance().verify(globexAuditor, acme)).isInstanceOf(AccessDeniedException.class);
    assertThat(all(GLOBEX)).singleElement().satisfies(e -> assertThat(e.outcome().status()).isEqualTo(Outcome.Status.DENIED));

    Checkpoint forged = new Checkpoint(acme.head(), acme.keyName(), acme.keyId(), new byte[Checkpoint.SIGNATURE_SIZE]);
    VerificationResult result = convener.provenance().verify(AUDITOR, forged);
    assertThat(result.verified()).isFalse();
    assertThat(result.firstBadEntry()).isEmpty();
    assertThat(result.reason()).get().asString().contains("signature");
  }

  @Test
  void aFieldChangedInSqlIsNamedAndACheckpointCatchesARewrittenHash() throws Exception {
    ingestSome();
    convener.provenance().checkpoint(AUDITOR);
    ingestSome();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE provenance_entries SET input_digest = '" + Sha256Hash.of(new byte[32]).hex()
          + "' WHERE tenant_id = 'acme' AND seq = 1");
    }
    VerificationResult changed = convener.provenance().verify(AUDITOR);
    assertThat(changed.verified()).isFalse();
    assertThat(changed.firstBadEntry()).hasValue(1);
    assertThat(changed.reason()).get().asString().contains("leaf hash");
  }

  @Test
  void provJsonExportHasThePromisedShape() throws Exception {
    ingestSome();
    String json = convener.provenance().exportProvJson(AUDITOR, ProvenanceQuery.all());

    JsonNode doc = new ObjectMapper().readTree(json);
    assertThat(doc.fieldNames()).toIterable()
        .contains("prefix", "activity", "agent", "entity", "used", "wasGeneratedBy", "wasAssociatedWith", "wasDerivedFrom");
    JsonNode activity = doc.get("activity").get("log:2");
    assertThat(activity.get("prov:type").asText()).isEqualTo("convener:ingest");
    assertThat(activity.get("convener:outcome").asText()).isEqualTo("ok");
    assertThat(doc.get("agent").get("agent:principal/loader").get("prov:type").asText()).isEqualTo("prov:Person");
    JsonNode association = doc.get("wasAssociatedWith").get("_:assoc1");
    assertThat(association.get("prov:agent").asText()).isEqualTo("agent:principal/loader");
    assertThat(association.get("prov:role").get(0).asText()).isEqualTo("ADMIN");
    List<JsonNode> derived = new ArrayList<>();
    doc.get("wasDerivedFrom").elements().forEachRemaining(derived::add);
    assertThat(derived).anySatisfy(d -> {
      assertThat(d.get("prov:usedEntity").asText()).startsWith("entity:input:sha256:");
      assertThat(d.get("prov:generatedEntity").asText()).startsWith("entity:ingest-summary:");
    });
    assertThat(derived).anySatisfy(d -> {
      assertThat(d.get("prov:usedEntity").asText()).startsWith("entity:ingest-run:");
      assertThat(d.get("prov:generatedEntity").asText()).startsWith("entity:ingest-batch:");
    });
  }

  @Test
  void twoRuntimesOnOneDatabaseTakeTurnsByCompareAndSetAndKeepOneLog() throws Exception {
    Injector other = Guice.createInjector(new ConvenerModule(), new JdbcStorageModule(JdbcSettings.of(url)));
    Convener second = other.getInstance(Convener.class);
    second.start();
    try {
      ProvenanceRecorder mine = injector.getInstance(ProvenanceRecorder.class);
      ProvenanceRecorder theirs = other.getInstance(ProvenanceRecorder.class);
      EntryDraft draft = EntryDraft.of(Agent.system("test"), "system.tick", CanonicalEntry.digest(Map.of()), Outcome.ok());
      // Each runtime caches its own head; every append after the other's finds it stale and retries.
      for (int i = 0; i < 10; i++) {
        assertThat(mine.record(ACME, draft)).isEqualTo(2L * i);
        assertThat(theirs.record(ACME, draft)).isEqualTo(2L * i + 1);
      }
    } finally {
      second.close();
    }
    assertThat(convener.provenance().verify(AUDITOR)).isEqualTo(VerificationResult.ok(20));
  }

  @Test
  void concurrentAndBatchedAppendsKeepOneContiguousVerifiableLog() throws Exception {
    ProvenanceRecorder recorder = injector.getInstance(ProvenanceRecorder.class);
    EntryDraft draft = EntryDraft.of(Agent.system("test"), "system.tick", CanonicalEntry.digest(Map.of()), Outcome.ok());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            recorder.record(ACME, draft);
          }
          recorder.recordAll(ACME, List.of(draft, draft, draft));
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(recorder.recordAll(ACME, List.of(draft, draft))).containsExactly(112L, 113L);
    assertThat(convener.provenance().verify(AUDITOR)).isEqualTo(VerificationResult.ok(114));
  }
}
