package io.convener.http.internal;

import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.CheckpointPage;
import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.Sha256Hash;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compliance feed of the log, for an outside witness: the signed checkpoints page by page in
 * the order they were signed, and the consistency proof between any two sizes, so that a witness
 * that kept one checkpoint can check that a later one extends it. Both are provenance reads (role
 * COMPLIANCE_OFFICER or ADMIN), each logged.
 */
final class CheckpointFeedRoutes {
  /** Checkpoints on a page when the caller does not say. */
  static final int DEFAULT_LIMIT = 100;
  /** The most a caller may ask for on one page. */
  static final int MAX_LIMIT = 1000;

  private final Convener convener;

  CheckpointFeedRoutes(Convener convener) {
    this.convener = convener;
  }

  void register(Router router) {
    router.add("GET", "/v1/provenance/checkpoints", this::checkpoints);
    router.add("GET", "/v1/provenance/consistency", this::consistency);
  }

  /** One page of the feed; {@code next} is the {@code after} of the following page. */
  private Response checkpoints(Request r) {
    CheckpointCursor after = r.param("after").map(v -> CheckpointCursor.parse("after", v))
        .orElse(CheckpointCursor.start());
    int limit = r.intParam("limit", MAX_LIMIT).orElse(DEFAULT_LIMIT);
    CheckpointPage page = convener.provenance().checkpoints(r.principal(), after, limit);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("checkpoints", page.checkpoints().stream().map(CheckpointFeedRoutes::json).toList());
    page.next().ifPresent(n -> doc.put("next", n.toString()));
    doc.put("verifierKey", page.verifierKey());
    return Response.ok(doc);
  }

  static Map<String, Object> json(Checkpoint c) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("tenant", c.tenant().value());
    doc.put("treeSize", c.treeSize());
    doc.put("root", c.root().base64());
    doc.put("timestamp", c.timestamp().toString());
    doc.put("cursor", CheckpointCursor.of(c).toString());
    doc.put("checkpoint", c.toText());
    return doc;
  }

  /** The RFC 9162 consistency proof from {@code from} entries to {@code to} entries, as base64 hashes. */
  private Response consistency(Request r) {
    long from = size(r, "from");
    long to = size(r, "to");
    if (from > to) {
      throw new InvalidInputException("from", "must not exceed to (" + to + "), got " + from);
    }
    ConsistencyProof proof;
    try {
      proof = convener.provenance().consistencyProof(r.principal(), from, to);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("to", String.valueOf(e.getMessage()));
    }
    List<String> hashes = proof.hashes().stream().map(Sha256Hash::base64).toList();
    return Response.ok(Map.of("from", proof.size1(), "to", proof.size2(), "proof", hashes));
  }

  private static long size(Request r, String field) {
    String v = r.param(field).orElseThrow(() -> new InvalidInputException(field, "is required"));
    try {
      long n = Long.parseLong(v);
      if (n < 1) {
        throw new InvalidInputException(field, "must be >= 1, got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "not a tree size: '" + v + "'");
    }
  }
}
