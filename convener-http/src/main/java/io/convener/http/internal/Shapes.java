package io.convener.http.internal;

import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalVote;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.Rejection;
import io.convener.api.innovation.LineageEntry;
import io.convener.api.innovation.RejectedAdoption;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.Contribution;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.VerificationResult;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.RiskFlag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JSON documents of the API records: the same shapes that {@code convener ... --format json}
 * prints (see the contract), so that a script moving from the command line to HTTP reads the same
 * fields. Each method returns plain maps and lists that Jackson writes as they are.
 */
final class Shapes {
  static final List<PulseMetric> METRICS = List.of(PulseMetric.MEMBERS, PulseMetric.ACTIVE_MEMBERS,
      PulseMetric.PARTICIPATION_RATE, PulseMetric.EVENTS_PER_MEMBER, PulseMetric.RESPONSE_RATE,
      PulseMetric.MEDIAN_RESPONSE_MINUTES, PulseMetric.RECIPROCITY, PulseMetric.TURN_TAKING_GINI,
      PulseMetric.SENTIMENT, PulseMetric.PSYCH_SAFETY, PulseMetric.RESPONDENTS, PulseMetric.ABSENCE_FACTOR,
      PulseMetric.SENTIMENT_TREND, PulseMetric.PSYCH_SAFETY_AGREEMENT);

  private Shapes() {}

  /** The ingestion report, as {@code convener ingest --format json} prints it for one input. */
  static Map<String, Object> json(String tenant, IngestReport report) {
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

  /** A checkpoint, as {@code convener provenance --checkpoint --format json} prints it. */
  static Map<String, Object> json(Checkpoint c, String verifierKey) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("tenant", c.tenant().value());
    doc.put("treeSize", c.treeSize());
    doc.put("root", c.root().base64());
    doc.put("timestamp", c.timestamp().toString());
    doc.put("verifierKey", verifierKey);
    doc.put("checkpoint", c.toText());
    return doc;
  }

  /** A verification, as {@code convener provenance --verify --format json} prints it. */
  static Map<String, Object> json(VerificationResult r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("verified", r.verified());
    doc.put("entries", r.entries());
    r.firstBadEntry().ifPresent(bad -> doc.put("firstBadEntry", bad));
    r.reason().ifPresent(reason -> doc.put("reason", reason));
    return doc;
  }

  static Map<String, Object> json(PulseReport r) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("scope", r.scope().wireName());
      json.put("asOf", r.asOf().toString());
      json.put("window", r.window().toDays() + "d");
      json.put("computedAt", r.computedAt().toString());
      json.put("suppressed", r.isSuppressed());
      r.suppressed().ifPresent(reason -> json.put("suppressedReason", reason));
      json.put("metrics", values(r, r.metrics()::get));
      json.put("baseline", values(r, r.baseline()::get));
      json.put("change", values(r, r::change));
      List<Map<String, Object>> risks = new ArrayList<>();
      for (RiskFlag f : r.risks()) {
        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("kind", f.kind().name());
        risk.put("severity", f.severity().name());
        f.member().ifPresent(m -> risk.put("member", m.value().value()));
        if (f.kind().individual()) {
          risk.put("count", f.count());
        }
        risk.put("reason", f.reason());
        risk.put("at", f.at().toString());
        risks.add(risk);
      }
      json.put("risks", risks);
      r.stale().ifPresent(s -> json.put("stale", Map.of("computedAt", s.computedAt().toString(), "cause", s.cause())));
      r.provenanceId().ifPresent(id -> json.put("provenanceId", id));
      return json;
    }

  private static Map<String, @Nullable Object> values(PulseReport r, Function<PulseMetric, OptionalDouble> get) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      for (PulseMetric m : METRICS) {
        OptionalDouble v = get.apply(m);
        out.put(m.wireName(), v.isPresent() ? number(v.getAsDouble()) : null);
      }
      return out;
    }

  private static Number number(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) (Math.round(v * 1e6) / 1e6);
    }

  static Map<String, Object> json(ConsentRecord r) {
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

  static Map<String, Object> json(ProvenanceEntry e) {
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
      return m;
    }

  static Map<String, Object> json(Approval a) {
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

  static Map<String, Object> json(Attribution a) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("outcome", a.outcome().value());
      m.put("model", a.model().wireName());
      m.put("contributors", a.contributors().stream().map(Shapes::json).toList());
      m.put("withheld", a.withheld());
      m.put("withheldShare", a.withheldShare());
      m.put("provenanceId", a.provenanceId());
      return m;
    }

  static Map<String, Object> json(Contribution c) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("member", c.member().value().value());
      m.put("share", c.share());
      m.put("evidence", c.evidence().stream().map(e -> Map.of(
          "rule", e.rule().wireName(), "event", e.event().value(), "detail", e.detail())).toList());
      return m;
    }

  static Map<String, Object> json(SpreadReport r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("innovation", r.innovation().value());
      m.put("home", r.home().value());
      m.put("origin", r.origin().label().orElse(null));
      m.put("originAt", r.originAt().map(Object::toString).orElse(null));
      m.put("adoptions", r.adoptions());
      m.put("teams", r.teams());
      m.put("tenants", r.tenants());
      m.put("depth", r.depth());
      m.put("maxBreadth", r.maxBreadth());
      m.put("broadcastShare", r.broadcastShare());
      m.put("structuralVirality", r.structuralVirality());
      m.put("timeToFirstReplication", r.timeToFirstReplication().map(Object::toString).orElse(null));
      m.put("adoptionVelocityPerDay", r.adoptionVelocity());
      if (r.bass().isPresent()) {
        Map<String, Object> bass = new LinkedHashMap<>();
        bass.put("p", r.bass().get().p());
        bass.put("q", r.bass().get().q());
        bass.put("m", r.bass().get().m());
        bass.put("periods", r.bass().get().periods());
        bass.put("period", r.bass().get().period().toString());
        m.put("bass", bass);
      } else {
        m.put("bass", null);
        m.put("bassAbsentReason", r.bassAbsentReason().orElse(""));
      }
      List<Map<String, Object>> lineage = new ArrayList<>();
      for (LineageEntry e : r.lineage()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("adopter", e.adopter().label().orElse(null));
        entry.put("team", e.team().orElse(null));
        entry.put("from", e.from());
        entry.put("at", e.at().toString());
        entry.put("node", e.node());
        entry.put("tenant", e.tenant().value());
        entry.put("depth", e.depth());
        entry.put("rule", e.rule());
        lineage.add(entry);
      }
      m.put("lineage", lineage);
      List<Map<String, Object>> rejected = new ArrayList<>();
      for (RejectedAdoption x : r.rejected()) {
        rejected.add(Map.of("node", x.node(), "source", x.source().value(), "destination", x.destination().value(),
            "reason", x.reason()));
      }
      m.put("rejected", rejected);
      m.put("withheld", r.withheld());
      m.put("provenanceId", r.provenanceId());
      return m;
    }}
