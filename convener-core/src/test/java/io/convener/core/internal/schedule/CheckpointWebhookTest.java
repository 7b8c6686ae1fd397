package io.convener.core.internal.schedule;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.AccessDeniedException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.CheckpointWebhook;
import io.convener.api.provenance.CheckpointWebhooks;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.core.ScheduleSettings;
import io.convener.core.internal.checkpoint.CheckpointVerifier;
import io.convener.core.internal.provenance.CheckpointKeys;
import io.convener.spi.storage.CheckpointWebhookStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint webhooks end to end on one node, each delivery made by a scheduler tick: a loopback
 * receiver gets each checkpoint once, signed so that both the HMAC and the checkpoint's own
 * signature verify; a failing receiver is retried after a backoff and the cursor stays put; only
 * admins register; another tenant's checkpoints never arrive; a plain-http URL off loopback is refused;
 * the secret is stored sealed.
 */
class CheckpointWebhookTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private ScheduleNode node() {
    return new ScheduleNode("jdbc:h2:mem:hooks-" + UUID.randomUUID(), dir.resolve("keys"), ScheduleSettings.defaults(),
        List.of());
  }

  private static CheckpointWebhooks hooks(ScheduleNode node) {
    return node.injector.getInstance(CheckpointWebhooks.class);
  }

  @Test
  void aLoopbackReceiverGetsEachCheckpointOnceSignedAndVerifiable() throws Exception {
    try (ScheduleNode node = node(); LoopbackReceiver receiver = new LoopbackReceiver()) {
      CheckpointWebhooks.Registered hook = hooks(node).register(ADMIN, receiver.url());
      Checkpoint kept = node.convener.provenance().checkpoint(ADMIN);
      node.scheduler().runDue();

      assertThat(receiver.received).hasSize(1);
      LoopbackReceiver.Received got = receiver.received.get(0);
      String timestamp = got.header("X-Convener-Timestamp");
      assertThat(got.header("X-Convener-Signature")).isEqualTo("sha256=" + hmac(hook.secret(), timestamp + "." + got.body()));
      JsonNode body = JSON.readTree(got.body());
      Checkpoint sent = Checkpoint.parse(body.get("checkpoint").asText());
      assertThat(sent.toText()).isEqualTo(kept.toText());
      CheckpointKeys keys = node.injector.getInstance(CheckpointKeys.class);
      assertThat(CheckpointVerifier.verifySignature(sent, keys.signingKey(ACME).keys().getPublic())).isTrue();
      assertThat(got.header("X-Convener-Id")).isEqualTo(hook.hook().id() + ":" + CheckpointCursor.of(kept));
      assertThat(hooks(node).list(ADMIN)).singleElement()
          .satisfies(h -> assertThat(h.delivered()).isEqualTo(CheckpointCursor.of(kept)));

      node.clock.set(node.clock.instant().plus(Duration.ofMinutes(1)));
      node.scheduler().runDue();
      assertThat(receiver.received).as("nothing new, nothing sent again").hasSize(1);
    }
  }

  @Test
  void aFailingReceiverIsRetriedAfterABackoffAndTheCursorStaysUntilA2xx() throws Exception {
    try (ScheduleNode node = node(); LoopbackReceiver receiver = new LoopbackReceiver()) {
      hooks(node).register(ADMIN, receiver.url());
      Checkpoint kept = node.convener.provenance().checkpoint(ADMIN);
      receiver.answer(503);
      node.scheduler().runDue();
      CheckpointWebhook failed = hooks(node).list(ADMIN).get(0);
      assertThat(failed.delivered()).isEqualTo(CheckpointCursor.start());
      assertThat(failed.failures()).isEqualTo(1);
      assertThat(failed.nextAttemptAt()).isEqualTo(node.clock.instant().plusSeconds(30));

      node.clock.set(node.clock.instant().plusSeconds(20));
      node.scheduler().runDue();
      assertThat(receiver.received).as("not before the backoff ends").hasSize(1);

      node.clock.set(node.clock.instant().plusSeconds(20));
      node.scheduler().runDue();
      assertThat(receiver.received).as("tried again").hasSize(2);
      assertThat(hooks(node).list(ADMIN).get(0).failures()).isEqualTo(2);
      assertThat(hooks(node).list(ADMIN).get(0).delivered()).isEqualTo(CheckpointCursor.start());

      receiver.answer(204);
      node.clock.set(node.clock.instant().plusSeconds(61));
      node.scheduler().runDue();
      CheckpointWebhook delivered = hooks(node).list(ADMIN).get(0);
      assertThat(delivered.delivered()).isEqualTo(CheckpointCursor.of(kept));
      assertThat(delivered.failures()).isZero();
      assertThat(receiver.received).hasSize(3).extracting(r -> r.header("X-Convener-Id")).containsOnly(
          receiver.received.get(0).header("X-Convener-Id"));
    }
  }

  @Test
  void onlyAnAdminRegistersAndTheDenialIsLogged() throws Exception {
    try (ScheduleNode node = node(); LoopbackReceiver receiver = new LoopbackReceiver()) {
      Principal officer = Principal.of(ACME, "officer", Role.COMPLIANCE_OFFICER);
      assertThatThrownBy(() -> hooks(node).register(officer, receiver.url()))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(hooks(node).list(ADMIN)).isEmpty();
      List<ProvenanceEntry> entries = node.convener.provenance().query(ADMIN, ProvenanceQuery.builder()
          .activity("provenance.webhook.register").limit(ProvenanceQuery.MAX_LIMIT).build()).entries();
      assertThat(entries).singleElement().satisfies(e -> {
        assertThat(e.outcome().status()).isEqualTo(Outcome.Status.DENIED);
        assertThat(e.agent().id()).isEqualTo("officer");
      });
    }
  }

  @Test
  void anotherTenantsCheckpointsNeverReachTheHook() throws Exception {
    try (ScheduleNode node = node(); LoopbackReceiver receiver = new LoopbackReceiver()) {
      hooks(node).register(ADMIN, receiver.url());
      Principal globex = Principal.of(GLOBEX, "admin", Role.ADMIN);
      node.convener.provenance().checkpoint(globex);
      node.convener.provenance().checkpoint(globex);
      Checkpoint acme = node.convener.provenance().checkpoint(ADMIN);
      node.scheduler().runDue();

      assertThat(receiver.received).singleElement()
          .satisfies(r -> assertThat(JSON.readTree(r.body()).get("tenant").asText()).isEqualTo("acme"))
          .satisfies(r -> assertThat(JSON.readTree(r.body()).get("checkpoint").asText()).isEqualTo(acme.toText()));
      assertThat(hooks(node).list(globex)).isEmpty();
    }
  }

  @Test
  void aPlainHttpUrlOffLoopbackIsRefusedNamingTheField() {
    try (ScheduleNode node = node()) {
      for (String url : List.of("http://auditor.example/hook", "ftp://127.0.0.1/hook", "/relative")) {
        assertThatThrownBy(() -> hooks(node).register(ADMIN, URI.create(url)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("url must be");
      }
      CheckpointWebhooks.Registered ok = hooks(node).register(ADMIN, URI.create("https://auditor.example/hook"));
      assertThat(ok.secret()).hasSize(64);
      assertThat(hooks(node).list(ADMIN)).hasSize(1);
      String stored = node.injector.getInstance(CheckpointWebhookStore.class).find(ACME, ok.hook().id())
          .orElseThrow().sealedSecret();
      assertThat(stored).as("the secret at rest is sealed").startsWith("v1.").doesNotContain(ok.secret());
    }
  }

  private static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(UTF_8)));
  }
}
