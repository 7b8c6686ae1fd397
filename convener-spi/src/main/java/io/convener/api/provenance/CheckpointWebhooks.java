package io.convener.api.provenance;

import io.convener.api.Principal;
import java.net.URI;
import java.util.List;

/**
 * Webhooks that push each new signed checkpoint of the tenant's log to an outside auditor. Each
 * checkpoint is POSTed once it is kept (by a scheduled job that one node runs at a time), in feed
 * order, signed with HMAC-SHA256 under the webhook's secret like the notification webhooks; a
 * webhook moves past a checkpoint only when the receiver answered 2xx, and retries with backoff
 * otherwise. Every method needs the role {@code ADMIN}, works on the principal's tenant only and
 * is logged. Denials throw {@link io.convener.api.AccessDeniedException}. Thread-safe.
 */
public interface CheckpointWebhooks {
  /**
   * Registers a webhook that receives every checkpoint kept from now on and every one kept before.
   *
   * @param url {@code https}, or {@code http} on a loopback host (localhost, 127.0.0.1, [::1])
   * @return the webhook and its HMAC secret, shown this once only
   * @throws IllegalArgumentException naming {@code url} when it is not allowed, or when the tenant
   *     has too many webhooks
   */
  Registered register(Principal principal, URI url);

  /** The tenant's webhooks, oldest first, without their secrets. */
  List<CheckpointWebhook> list(Principal principal);

  /**
   * Removes the tenant's webhook with this id.
   *
   * @return whether there was one
   */
  boolean remove(Principal principal, String id);

  /**
   * A webhook just registered, with its secret.
   *
   * @param hook the webhook
   * @param secret the HMAC-SHA256 key, 64 lower-case hex digits (its UTF-8 bytes are the key)
   */
  record Registered(CheckpointWebhook hook, String secret) {
    /** Leaves the secret out. */
    @Override
    public String toString() {
      return "Registered[hook=" + hook + ", secret=<hidden>]";
    }
  }
}
