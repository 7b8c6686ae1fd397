package io.convener.api.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import io.convener.api.consent.Purpose;
import java.util.List;
import java.util.Map;

/**
 * A notification an action asks for, before the outbox takes it: committed in the same
 * transaction as the action's provenance entry, or not at all. The recipient is a {@link
 * Disclosed} id, so only a person who consents to the purpose can be named; the gate re-checks it
 * at commit. Immutable.
 *
 * @param recipient who should be told, as disclosed for a purpose
 * @param kind what it is about, such as {@code approval.requested}
 * @param key the idempotency key, unique per tenant and recipient: the same key twice is one message
 * @param payload kind-specific string fields: ids, never personal data of anybody else
 * @param digestKey messages with the same digest key inside the recipient's digest window become
 *     one message on interrupting channels; empty for none
 * @param critical bypasses the recipient's preferences (never consent)
 */
public record NotificationDraft(
    Disclosed<MemberId> recipient, String kind, String key, Map<String, String> payload, String digestKey,
    boolean critical) implements NamesPeople {
  /**
   * The payload field the outbox adds: the purpose the recipient consented to, which the relay
   * re-checks before every delivery. A draft's own payload must not use it.
   */
  public static final String CONSENT_PURPOSE = "consentPurpose";

  /**
   * The purpose under which a person agrees to be told directly of things that ask for them or
   * concern their work: approval requests, pulse risks of the teams they look after, successful
   * innovation patterns for their team. Notifications that name a person for another purpose (a
   * learning attribution) rely on that purpose instead.
   */
  public static final Purpose DIRECT = ConsentPolicy.NOTIFICATION_DIRECT;

  /** Validates and copies. */
  public NotificationDraft {
    requireNonNull(recipient, "recipient");
    requireNonNull(kind, "kind");
    requireNonNull(key, "key");
    payload = Map.copyOf(requireNonNull(payload, "payload"));
    requireNonNull(digestKey, "digestKey");
    if (kind.isBlank() || kind.length() > 100) {
      throw new IllegalArgumentException("kind must be 1 to 100 characters");
    }
    if (key.isBlank() || key.length() > 200) {
      throw new IllegalArgumentException("key must be 1 to 200 characters");
    }
    if (payload.containsKey(CONSENT_PURPOSE)) {
      throw new IllegalArgumentException("payload must not use the reserved field " + CONSENT_PURPOSE);
    }
    if (digestKey.length() > 200) {
      throw new IllegalArgumentException("digestKey must be at most 200 characters");
    }
  }

  /** The recipient: the one person a draft names. */
  @Override
  public List<Disclosed<?>> disclosures() {
    return List.of(recipient);
  }

  /** A non-critical draft without a digest key. */
  public static NotificationDraft of(Disclosed<MemberId> recipient, String kind, String key, Map<String, String> payload) {
    return new NotificationDraft(recipient, kind, key, payload, "", false);
  }

  /** A copy with this digest key. */
  public NotificationDraft digestedBy(String digest) {
    return new NotificationDraft(recipient, kind, key, payload, digest, critical);
  }

  /** A critical copy: it bypasses preferences, never consent. */
  public NotificationDraft asCritical() {
    return new NotificationDraft(recipient, kind, key, payload, digestKey, true);
  }
}
