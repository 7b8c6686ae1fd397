package io.convener.http.json;

import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalVote;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.Rejection;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.VerificationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON documents of ingestion, consent, approvals and provenance: the shapes {@code convener
 * ingest}, {@code consent}, {@code approvals} and {@code provenance} print with {@code --format
 * json} and the HTTP API answers. The map shapes are the ones CONTRACT.md pins.
 */
public final class TrustShapes {
  private TrustShapes() {}

  /**
   * The ingestion report, as {@code convener ingest --format json} prints it for one input.
   *
   * @param tenant the tenant id
   * @param report the report
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(String tenant, IngestReport report) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("tenant", tenant);
    doc.put("accepted", report.members() + report.events());
    doc.put("members", report.members());
    doc.put("events", report.events());
    doc.put("duplicates", report.duplicates());
    doc.put("rejectedCount", report.rejectedCount());
    List<Map<String, Object>> rejected = new ArrayList<>();
    for (Rejection r : report.rejected()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("line", r.line());
      r.field().ifPresent(f -> entry.put("field", f));
      entry.put("reason", r.describe());
      rejected.add(entry);
    }
    doc.put("rejected", rejected);
    return doc;
  }

  /**
   * A checkpoint, as {@code convener provenance --checkpoint --format json} prints it.
   *
   * @param c the checkpoint
   * @param verifierKey the key that verifies its signature
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(Checkpoint c, String verifierKey) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("tenant", c.tenant().value());
    doc.put("treeSize", c.treeSize());
    doc.put("root", c.root().base64());
    doc.put("timestamp", c.timestamp().toString());
    doc.put("verifierKey", verifierKey);
    doc.put("checkpoint", c.toText());
    return doc;
  }

  /**
   * A verification, as {@code convener provenance --verify --format json} prints it.
   *
   * @param r the verification
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(VerificationResult r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("verified", r.verified());
    doc.put("entries", r.entries());
    r.firstBadEntry().ifPresent(bad -> doc.put("firstBadEntry", bad));
    r.reason().ifPresent(reason -> doc.put("reason", reason));
    return doc;
  }

  /**
   * A consent record, as CONTRACT.md pins it.
   *
   * @param r the record
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(ConsentRecord r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", r.id().value());
    json.put("member", r.subject().value());
    json.put("purpose", r.purpose().name());
    json.put("decision", r.decision().wireName());
    r.noticeVersion().ifPresent(v -> json.put("noticeVersion", v));
    json.put("method", r.method().wireName());
    json.put("recordedBy", r.recordedBy());
    json.put("at", r.at().toString());
    r.expiresAt().ifPresent(e -> json.put("expiresAt", e.toString()));
    r.sourceEvent().ifPresent(e -> json.put("sourceEvent", e.value()));
    return json;
  }

  /**
   * A provenance entry, as CONTRACT.md pins it.
   *
   * @param e the entry
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(ProvenanceEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provenanceId", e.sequence());
    m.put("at", e.at().toString());
    m.put("tenant", e.tenant().value());
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("kind", e.agent().kind().name().toLowerCase(Locale.ROOT));
    agent.put("id", e.agent().id());
    agent.put("roles", e.agent().roles().stream().map(Enum::name).sorted().toList());
    m.put("agent", agent);
    m.put("activity", e.activity());
    m.put("used", e.used());
    m.put("generated", e.generated());
    m.put("inputDigest", e.inputDigest().hex());
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("status", e.outcome().status().name().toLowerCase(Locale.ROOT));
    outcome.put("code", e.outcome().code());
    if (!e.outcome().reason().isEmpty()) {
      outcome.put("reason", e.outcome().reason());
    }
    m.put("outcome", outcome);
    e.causedBy().ifPresent(c -> m.put("causedBy", c));
    e.replayOf().ifPresent(r -> m.put("replayOf", r));
    return m;
  }

  /**
   * An approval with its votes, as CONTRACT.md pins it.
   *
   * @param a the approval
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(Approval a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id().value());
    m.put("tenant", a.tenant().value());
    m.put("subject", a.subject().value());
    m.put("purpose", a.purpose().name());
    m.put("scope", a.scope());
    m.put("requester", a.requester());
    m.put("subjectMustApprove", a.subjectMustApprove());
    m.put("adminsRequired", a.adminsRequired());
    m.put("created", a.created().toString());
    m.put("expires", a.expires().toString());
    m.put("status", lower(a.status()));
    List<Map<String, Object>> votes = new ArrayList<>();
    for (ApprovalVote v : a.votes()) {
      Map<String, Object> vote = new LinkedHashMap<>();
      vote.put("approver", v.approver());
      vote.put("as", lower(v.capacity()));
      vote.put("decision", v.approve() ? "approve" : "deny");
      vote.put("reason", v.reason());
      vote.put("at", v.at().toString());
      votes.add(vote);
    }
    m.put("votes", votes);
    return m;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
