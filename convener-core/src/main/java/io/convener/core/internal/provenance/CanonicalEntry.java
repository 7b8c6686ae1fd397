package io.convener.core.internal.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.Role;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.internal.json.CanonicalJson;
import io.convener.core.internal.merkle.MerkleHash;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical form of a provenance entry, the bytes its Merkle leaf hashes: the RFC 8785 (JCS)
 * serialisation of this JSON object (members shown sorted, as JCS writes them):
 *
 * <pre>{@code
 * {"activity":"ingest",
 *  "agent":{"id":"cli","kind":"principal","roles":["ADMIN"]},
 *  "at":"2026-11-02T09:00:00.123456789Z",
 *  "causedBy":12,                                  (only when present)
 *  "generated":["ingest-summary:..."],
 *  "inputDigest":"<64 hex digits>",
 *  "outcome":{"code":"ok","reason":"","status":"ok"},
 *  "replayOf":9,                                   (only when present)
 *  "sequence":13,
 *  "tenant":"acme",
 *  "used":["input:sha256:..."],
 *  "v":1}
 * }</pre>
 *
 * Roles are sorted by their declaration order; {@code at} is {@link java.time.Instant#toString()};
 * enums are lower case. {@code causedBy} and {@code replayOf} are members only when present, so an
 * entry without them has the same bytes as before they existed. The sequence and the tenant are part of the form, so an entry moved to
 * another position or another tenant's log no longer matches its leaf hash. Stateless and
 * thread-safe.
 */
public final class CanonicalEntry {
  /** The version of the form, {@code "v"}; a new form gets a new number. */
  public static final int VERSION = 1;

  private CanonicalEntry() {}

  /** The entry as plain JSON values, for {@link CanonicalJson}. */
  public static Map<String, Object> toJson(ProvenanceEntry e) {
    requireNonNull(e, "entry");
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("id", e.agent().id());
    agent.put("kind", e.agent().kind().name().toLowerCase(Locale.ROOT));
    List<Object> roles = new ArrayList<>();
    if (!e.agent().roles().isEmpty()) {
      EnumSet.copyOf(e.agent().roles()).forEach((Role r) -> roles.add(r.name()));
    }
    agent.put("roles", roles);
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("code", e.outcome().code());
    outcome.put("reason", e.outcome().reason());
    outcome.put("status", e.outcome().status().name().toLowerCase(Locale.ROOT));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("activity", e.activity());
    json.put("agent", agent);
    json.put("at", e.at().toString());
    if (e.causedBy().isPresent()) {
      json.put("causedBy", e.causedBy().getAsLong());
    }
    json.put("generated", List.copyOf(e.generated()));
    json.put("inputDigest", e.inputDigest().hex());
    json.put("outcome", outcome);
    if (e.replayOf().isPresent()) {
      json.put("replayOf", e.replayOf().getAsLong());
    }
    json.put("sequence", e.sequence());
    json.put("tenant", e.tenant().value());
    json.put("used", List.copyOf(e.used()));
    json.put("v", VERSION);
    return json;
  }

  /** The UTF-8 bytes of the canonical form. */
  public static byte[] bytes(ProvenanceEntry e) {
    return CanonicalJson.toBytes(toJson(e));
  }

  /** The RFC 9162 leaf hash of the canonical form: SHA-256(0x00 || bytes). */
  public static Sha256Hash leafHash(ProvenanceEntry e) {
    return Sha256Hash.of(MerkleHash.leafHash(bytes(e)));
  }

  /** SHA-256 of the canonical form of any JSON value: the digest of a call's inputs. */
  public static Sha256Hash digest(Object inputs) {
    byte[] bytes = CanonicalJson.toBytes(inputs);
    try {
      return Sha256Hash.of(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
