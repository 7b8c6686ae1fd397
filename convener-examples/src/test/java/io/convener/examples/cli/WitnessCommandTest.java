package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convener.core.internal.checkpoint.CheckpointSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16 §6 acceptance: {@code convener witness} follows a running node's checkpoint feed, exits
 * 0 while the log only grows, and exits 4 with one line saying the log was rewritten after the log
 * is truncated behind the node's back (head recomputed, stored checkpoints deleted) and then
 * extended again or left short; the state file still keeps the last good checkpoint. With {@code
 * --follow} it consumes the node's checkpoint stream and exits 4 as soon as the stream pushes a
 * checkpoint of the rewritten log (acceptance 5).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WitnessCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger TENANTS = new AtomicInteger();

  private Path dir;
  private String tenant = "acme";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private WitnessNode node;
  private final ExecutorService witnesses = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "witness-follow");
    t.setDaemon(true);
    return t;
  });

  /** Each test witnesses a tenant of its own on the one node. */
  @BeforeEach
  void newTenant() {
    tenant = "acme" + TENANTS.incrementAndGet();
  }

  @BeforeAll
  void start(@TempDir Path tempDir) {
    dir = tempDir;
    node = new WitnessNode(dir);
  }

  @AfterAll
  void stop() {
    node.close(); // ends any stream still open: a --follow witness left running then exits 1
    witnesses.shutdown();
  }

  private int witness(String... extra) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] base = {"--tenant", tenant, "witness", "--from", node.uri().toString(), "--token-env", "AUDITOR_TOKEN",
        "--state", dir.resolve(tenant + ".witness").toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    Map<String, String> env = Map.of("AUDITOR_TOKEN", token("auditor", "compliance_officer"));
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env::get);
  }

  private void ingest(String id) throws Exception {
    node.ingest(tenant, id);
  }

  private void checkpoint() throws Exception {
    node.checkpoint(tenant);
  }

  private void truncateBehindTheNodesBack(long from) throws SQLException {
    node.truncateBehindTheNodesBack(tenant, from);
  }

  private String token(String subject, String role) {
    return WitnessNode.token(tenant, subject, role);
  }

  @ParameterizedTest(name = "truncated, then extended again: {0}")
  @ValueSource(booleans = {true, false})
  void exitsFourOnceTheLogIsTruncatedAndRewrittenBehindItsBack(boolean extendedAgain) throws Exception {
    ingest("e1");
    checkpoint();
    assertThat(witness()).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("verified 1 new checkpoint(s)");
    ingest("e2");
    ingest("e3");
    checkpoint();
    assertThat(witness()).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("verified 1 new checkpoint(s)");
    String kept = Files.readString(dir.resolve(tenant + ".witness"));

    truncateBehindTheNodesBack(2);
    for (int i = 0; extendedAgain && i < 12; i++) {
      ingest("r" + i); // the rewritten log grows past the size the witness kept
    }
    checkpoint();
    assertThat(witness()).isEqualTo(4);
    assertThat(err.toString().strip()).startsWith("convener: the log of convener/" + tenant + " was rewritten")
        .contains(extendedAgain ? "consistency proof does not lead to both roots" : "the log shrank")
        .doesNotContain("\n").doesNotContain("Exception");
    assertThat(Files.readString(dir.resolve(tenant + ".witness"))).as("the last good checkpoint stays kept").isEqualTo(kept);
    assertThat(witness()).as("and it keeps failing").isEqualTo(4);
  }

  @Test
  void aCheckpointSignedByAnotherKeyThanThePinnedOneFails() throws Exception {
    checkpoint();
    String other = "convener-acme+6d992c94+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    assertThat(witness("--verifier-key", other)).isEqualTo(2).as("its key id does not match its key");
    assertThat(err.toString()).contains("--verifier-key");
  }

  @Test
  void aNodeSigningWithAnotherKeyThanTheTrustedOneFails() throws Exception {
    checkpoint();
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String pinned = CheckpointSigner.verifierKey("convener-" + tenant, other.getPublic());
    assertThat(witness("--verifier-key", pinned)).isEqualTo(4);
    assertThat(err.toString()).contains("not the trusted " + pinned).contains("re-signed");
  }

  @Test
  void aMissingTokenOrRefusedCallIsOneClearLine() throws Exception {
    checkpoint();
    out.getBuffer().setLength(0);
    int code = ConvenerCommand.run(new String[] {"--tenant", tenant, "witness", "--from", node.uri().toString(),
        "--token-env", "NOT_SET", "--state", dir.resolve(tenant).toString()}, new PrintWriter(out, true),
        new PrintWriter(err, true), name -> null);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("NOT_SET is not set");
    err.getBuffer().setLength(0);
    Map<String, String> lead = Map.of("T", token("tl", "team_lead"));
    code = ConvenerCommand.run(new String[] {"--tenant", tenant, "witness", "--from", node.uri().toString(),
        "--token-env", "T", "--state", dir.resolve(tenant).toString()}, new PrintWriter(out, true),
        new PrintWriter(err, true), lead::get);
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip()).contains("answered 403").doesNotContain("\n");
  }

  @ParameterizedTest(name = "truncated, then extended again: {0}")
  @ValueSource(booleans = {true, false})
  void exitsFourAsSoonAsTheStreamPushesACheckpointOfARewrittenLog(boolean extendedAgain) throws Exception {
    node.ingest(tenant, "e1");
    node.checkpoint(tenant);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter(); // its own: it runs while the test works on the node
    Path state = dir.resolve(tenant + ".witness");
    Map<String, String> env = Map.of("AUDITOR_TOKEN", WitnessNode.token(tenant, "auditor", "compliance_officer"));
    String[] args = {"--tenant", tenant, "witness", "--from", node.uri().toString(), "--token-env", "AUDITOR_TOKEN",
        "--state", state.toString(), "--follow", "--every", "1m"}; // a poll would come too late for WAIT
    Future<Integer> witness = witnesses.submit(
        () -> ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env::get));

    await().atMost(WAIT).untilAsserted(() -> assertThat(out.toString()).startsWith("verified 1 new checkpoint(s)"));
    node.ingest(tenant, "e2");
    node.ingest(tenant, "e3");
    node.checkpoint(tenant);
    await().atMost(WAIT).untilAsserted(() -> assertThat(out.toString().lines().count()).as(err::toString).isEqualTo(2));
    assertThat(out.toString().lines().skip(1).findFirst().orElseThrow())
        .as("the pushed checkpoint, verified against the kept one").startsWith("verified 1 new checkpoint(s)")
        .contains("kept size ");
    assertThat(witness.isDone()).isFalse();
    String kept = Files.readString(state);
    assertThat(kept).isNotEmpty();

    node.truncateBehindTheNodesBack(tenant, 2);
    for (int i = 0; extendedAgain && i < 12; i++) {
      node.ingest(tenant, "r" + i); // the rewritten log grows past the size the witness kept
    }
    node.checkpoint(tenant);
    assertThat(witness.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(err.toString()).isEqualTo(4);
    assertThat(err.toString().strip()).startsWith("convener: the log of convener/" + tenant + " was rewritten")
        .contains(extendedAgain ? "consistency proof does not lead to both roots" : "the log shrank")
        .doesNotContain("\n").doesNotContain("Exception");
    assertThat(out.toString().lines().count()).as("nothing more was reported as verified").isEqualTo(2);
    assertThat(Files.readString(state)).as("the last good checkpoint stays kept").isEqualTo(kept);
  }
}
