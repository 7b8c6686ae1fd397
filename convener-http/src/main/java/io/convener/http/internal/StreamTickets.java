package io.convener.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.replay.Claim;
import io.convener.api.replay.IdempotencyKey;
import io.convener.api.replay.KeepPolicy;
import io.convener.api.replay.Replays;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stream tickets: {@code POST /v1/notifications/stream-ticket} gives the caller a short-lived,
 * single-use ticket that {@code GET /v1/notifications/stream?ticket=…} accepts instead of an
 * {@code Authorization} header, which a browser's {@code EventSource} cannot send. A ticket is
 * {@code base64url(claims) "." base64url(HMAC-SHA256)}: the claims name a random id, the tenant,
 * subject, roles and scopes, the ticket's expiry and the expiry of the token that asked for it, so
 * any node with the same secret verifies it without looking anything up. Single use is recorded in
 * the store through {@link Replays#claim}, under the ticket's tenant and subject: of two
 * redemptions, on any nodes, one wins. A ticket never outlives its token. Thread-safe.
 */
final class StreamTickets {
  static final String ROUTE = "/v1/notifications/stream-ticket";
  private static final String CONTEXT = "convener-stream-ticket.v1.";
  private static final int MAX_LENGTH = 4096;

  /** A refused ticket: a 401 problem with its own code. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    Refused(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private final byte[] secret;
  private final Duration ttl;
  private final Clock clock;
  private final Replays replays;
  private final SecureRandom random = new SecureRandom();

  StreamTickets(byte[] secret, Duration ttl, Clock clock, Replays replays) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the stream ticket secret must have at least 32 bytes");
    }
    this.secret = secret.clone();
    this.ttl = ttl;
    this.clock = clock;
    this.replays = replays;
  }

  /** A new ticket for the caller, as the response of the ticket route. */
  Response mint(Caller caller) {
    Principal p = caller.principal();
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    if (caller.expiresAt().isPresent() && caller.expiresAt().get().isBefore(expires)) {
      expires = caller.expiresAt().get();
    }
    byte[] id = new byte[16];
    random.nextBytes(id);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("id", b64(id));
    claims.put("tenant", p.tenant().value());
    claims.put("sub", p.subject());
    claims.put("roles", p.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList());
    claims.put("scopes", new TreeSet<>(p.scopes()));
    claims.put("exp", expires.toEpochMilli());
    caller.expiresAt().ifPresent(t -> claims.put("tokenExp", t.toEpochMilli()));
    String body = b64(Jsons.write(claims));
    String ticket = body + "." + b64(mac(body));
    return Response.json(201, Map.of("ticket", ticket, "expiresAt", expires.toString()));
  }

  /**
   * The caller a ticket stands for; uses the ticket up.
   *
   * @throws Refused when the ticket is malformed, forged, expired or used already
   */
  Caller redeem(String ticket) {
    int dot = ticket.indexOf('.');
    if (ticket.length() > MAX_LENGTH || dot < 1 || dot != ticket.lastIndexOf('.')) {
      throw new Refused("stream_ticket_invalid", "the stream ticket is malformed");
    }
    String body = ticket.substring(0, dot);
    byte[] sent;
    try {
      sent = Base64.getUrlDecoder().decode(ticket.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new Refused("stream_ticket_invalid", "the stream ticket is malformed");
    }
    if (!MessageDigest.isEqual(sent, mac(body))) {
      throw new Refused("stream_ticket_invalid", "the stream ticket's signature does not verify");
    }
    JsonNode claims;
    Principal principal;
    try {
      claims = Jsons.MAPPER.readTree(Base64.getUrlDecoder().decode(body));
      principal = new Principal(TenantId.of(claims.get("tenant").asText()), claims.get("sub").asText(),
          roles(claims.get("roles")), strings(claims.get("scopes")));
    } catch (IOException | RuntimeException e) {
      throw new Refused("stream_ticket_invalid", "the stream ticket is malformed");
    }
    Instant now = clock.instant();
    if (!Instant.ofEpochMilli(claims.path("exp").asLong(0)).isAfter(now)) {
      throw new Refused("stream_ticket_expired", "the stream ticket has expired; ask for a new one");
    }
    Optional<Instant> tokenExp = claims.has("tokenExp")
        ? Optional.of(Instant.ofEpochMilli(claims.get("tokenExp").asLong())) : Optional.empty();
    IdempotencyKey key = new IdempotencyKey("GET " + EventStream.ROUTE, "ticket:" + claims.path("id").asText(),
        "stream-ticket");
    Duration keep = ttl.plusMinutes(1);
    if (!(replays.claim(principal, key, new KeepPolicy(keep, keep)) instanceof Claim.Won)) {
      throw new Refused("stream_ticket_used", "the stream ticket was used already; ask for a new one");
    }
    return new Caller(principal, tokenExp);
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal((CONTEXT + body).getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static Set<Role> roles(JsonNode node) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    strings(node).forEach(r -> roles.add(Role.valueOf(r.toUpperCase(Locale.ROOT))));
    return roles;
  }

  private static Set<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(n -> values.add(n.asText()));
    return Set.copyOf(values);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
