package io.convener.core.internal.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.Sha256Hash;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canonical form documented in docs/provenance.md, byte for byte, and its leaf hash. */
class CanonicalEntryTest {
  private static final ProvenanceEntry ENTRY = ProvenanceEntry.builder()
      .tenant(TenantId.of("acme"))
      .sequence(13)
      .at(Instant.parse("2026-11-02T09:00:00.123456789Z"))
      .agent(new Agent(Agent.Kind.PRINCIPAL, "cli", Set.of(Role.COMPLIANCE_OFFICER, Role.ADMIN)))
      .activity("ingest")
      .used(List.of("input:sha256:ab"))
      .generated(List.of("ingest-summary:members=1,events=2,duplicates=0,rejected=0"))
      .inputDigest(Sha256Hash.fromHex("00".repeat(32)))
      .outcome(Outcome.denied("access_denied", "needs \"ADMIN\" — é"))
      .causedBy(12)
      .build();

  @Test
  void isTheDocumentedJsonWithSortedMembersAndNoWhitespace() {
    assertThat(new String(CanonicalEntry.bytes(ENTRY), UTF_8)).isEqualTo(
        "{\"activity\":\"ingest\",\"agent\":{\"id\":\"cli\",\"kind\":\"principal\",\"roles\":[\"ADMIN\",\"COMPLIANCE_OFFICER\"]},"
            + "\"at\":\"2026-11-02T09:00:00.123456789Z\",\"causedBy\":12,"
            + "\"generated\":[\"ingest-summary:members=1,events=2,duplicates=0,rejected=0\"],"
            + "\"inputDigest\":\"" + "00".repeat(32) + "\","
            + "\"outcome\":{\"code\":\"access_denied\",\"reason\":\"needs \\\"ADMIN\\\" — é\",\"status\":\"denied\"},"
            + "\"sequence\":13,\"tenant\":\"acme\",\"used\":[\"input:sha256:ab\"],\"v\":1}");
  }

  @Test
  void aReplayCarriesReplayOfBetweenOutcomeAndSequenceAndAnEntryWithoutItKeepsItsBytes() {
    String plain = new String(CanonicalEntry.bytes(ENTRY), UTF_8);
    String replay = new String(CanonicalEntry.bytes(copy().replayOf(9).build()), UTF_8);
    assertThat(plain).doesNotContain("replayOf");
    assertThat(replay).isEqualTo(plain.replace("\"status\":\"denied\"},\"sequence\":13",
        "\"status\":\"denied\"},\"replayOf\":9,\"sequence\":13"));
  }

  @Test
  void theLeafHashIsSha256OfAZeroByteAndTheCanonicalBytes() throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update((byte) 0);
    sha256.update(CanonicalEntry.bytes(ENTRY));

    assertThat(CanonicalEntry.leafHash(ENTRY)).isEqualTo(Sha256Hash.of(sha256.digest()));
  }

  @Test
  void everyFieldChangesTheLeaf() {
    Sha256Hash leaf = CanonicalEntry.leafHash(ENTRY);
    List<ProvenanceEntry> changed = List.of(
        copy().sequence(14).build(),
        copy().tenant(TenantId.of("globex")).build(),
        copy().at(ENTRY.at().plusNanos(1)).build(),
        copy().agent(Agent.system("cli")).build(),
        copy().activity("ingest.other").build(),
        copy().used(List.of()).build(),
        copy().generated(List.of("x")).build(),
        copy().inputDigest(Sha256Hash.fromHex("01".repeat(32))).build(),
        copy().outcome(Outcome.ok()).build(),
        copy().causedBy(11).build(),
        copy().replayOf(12).build());
    assertThat(changed).allSatisfy(e -> assertThat(CanonicalEntry.leafHash(e)).isNotEqualTo(leaf));
  }

  private static ProvenanceEntry.Builder copy() {
    return ProvenanceEntry.builder().tenant(ENTRY.tenant()).sequence(ENTRY.sequence()).at(ENTRY.at())
        .agent(ENTRY.agent()).activity(ENTRY.activity()).used(ENTRY.used()).generated(ENTRY.generated())
        .inputDigest(ENTRY.inputDigest()).outcome(ENTRY.outcome()).causedBy(ENTRY.causedBy());
  }
}
