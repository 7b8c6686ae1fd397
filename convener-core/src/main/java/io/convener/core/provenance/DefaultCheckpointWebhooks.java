package io.convener.core.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.CheckpointWebhook;
import io.convener.api.provenance.CheckpointWebhooks;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.spi.storage.CheckpointWebhookRow;
import io.convener.spi.storage.CheckpointWebhookStore;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link CheckpointWebhooks}: every method is an {@link Invocation} through the {@link Gate},
 * for admins only, so registering, listing and removing are logged (the URL and id, never the
 * secret). Thread-safe.
 */
final class DefaultCheckpointWebhooks implements CheckpointWebhooks {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  private static final int MAX_URL = 2048;

  private final Gate gate;
  private final CheckpointWebhookStore store;
  private final WebhookSecrets secrets;
  private final Clock clock = Clock.systemUTC();

  @Inject
  DefaultCheckpointWebhooks(Gate gate, CheckpointWebhookStore store, WebhookSecrets secrets) {
    this.gate = requireNonNull(gate, "gate");
    this.store = requireNonNull(store, "store");
    this.secrets = requireNonNull(secrets, "secrets");
  }

  private <T> Invocation.Builder<T> call(String activity, Function<TenantId, T> service) {
    return Invocation.of(activity, service).roles(Role.ADMIN);
  }

  @Override
  public Registered register(Principal principal, URI url) {
    checkUrl(url);
    return gate.invoke(principal, this.<Registered>call("provenance.webhook.register", tenant -> {
      String secret = secrets.newSecret();
      String id = "cw-" + secrets.newSecret().substring(0, 16);
      Instant now = clock.instant();
      CheckpointWebhook hook = new CheckpointWebhook(id, url, CheckpointCursor.start(), 0, Instant.EPOCH, now,
          principal.subject());
      store.add(tenant, new CheckpointWebhookRow(hook, secrets.seal(tenant, id, secret)));
      return new Registered(hook, secret);
    }).inputs(() -> Map.of("url", url.toString()))
        .generated(r -> List.of("checkpoint-webhook:" + r.hook().id()))
        .build());
  }

  @Override
  public List<CheckpointWebhook> list(Principal principal) {
    return gate.invoke(principal, this.<List<CheckpointWebhook>>call("provenance.webhook.list",
        tenant -> store.list(tenant).stream().map(CheckpointWebhookRow::hook).toList()).build());
  }

  @Override
  public boolean remove(Principal principal, String id) {
    requireNonNull(id, "id");
    return gate.invoke(principal, this.<Boolean>call("provenance.webhook.remove", tenant -> store.remove(tenant, id))
        .inputs(() -> Map.of("id", id))
        .used(() -> List.of("checkpoint-webhook:" + id))
        .build());
  }

  /**
   * Refuses a URL other than {@code https}, or {@code http} on a loopback host.
   *
   * @throws IllegalArgumentException naming {@code url}
   */
  static void checkUrl(URI url) {
    requireNonNull(url, "url");
    if (url.toString().length() > MAX_URL) {
      throw new IllegalArgumentException("url must be at most " + MAX_URL + " characters");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || url.getRawUserInfo() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("url must be an absolute URL with a host and no user or fragment");
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
      throw new IllegalArgumentException("url must be https (plain http only to a loopback host), got "
          + (scheme.isEmpty() ? "no scheme" : scheme + "://" + host));
    }
  }
}
