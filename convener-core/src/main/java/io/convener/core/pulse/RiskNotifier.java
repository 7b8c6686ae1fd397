package io.convener.core.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.notify.NotificationDraft;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.RiskFlag;
import io.convener.api.pulse.RiskKind;
import io.convener.api.pulse.Severity;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.spi.notify.PulseWatchers;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The notifications of a pulse report's risks: {@value #KIND} to each watcher of its scope ({@link
 * PulseWatchers}: the stored watcher list, or the host's own) who consents to {@link NotificationDraft#DIRECT}, one per risk
 * kind and day (the key; highest severity, members concerned added up), grouped by scope for
 * digests. The payload names the scope, the risk kind,
 * its severity and how many members it concerns, never a member: an individual risk names its
 * member only in the report, to those allowed to see it.
 */
final class RiskNotifier {
  static final String KIND = "pulse.risk";

  private final ConsentEngine consent;
  private final PulseWatchers watchers;

  @Inject
  RiskNotifier(ConsentEngine consent, PulseWatchers watchers) {
    this.consent = requireNonNull(consent, "consent");
    this.watchers = requireNonNull(watchers, "watchers");
  }

  List<NotificationDraft> drafts(TenantId tenant, PulseReport report) {
    if (report.risks().isEmpty() || report.suppressed().isPresent() || report.stale().isPresent()) {
      return List.of();
    }
    List<MemberId> candidates = watchers.watchers(tenant, report.scope());
    if (candidates.isEmpty()) {
      return List.of();
    }
    String scope = report.scope().wireName();
    String day = report.asOf().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    // One message per risk kind: the highest severity, and the members it concerns added up.
    Map<RiskKind, Severity> severity = new EnumMap<>(RiskKind.class);
    Map<RiskKind, Integer> concerned = new EnumMap<>(RiskKind.class);
    for (RiskFlag risk : report.risks()) {
      severity.merge(risk.kind(), risk.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      concerned.merge(risk.kind(), risk.member().isPresent() ? 1 : risk.count(), Integer::sum);
    }
    List<NotificationDraft> drafts = new ArrayList<>();
    for (Disclosed<MemberId> watcher : consent.disclose(tenant, NotificationDraft.DIRECT, candidates).disclosed()) {
      for (Map.Entry<RiskKind, Severity> risk : severity.entrySet()) {
        String kind = risk.getKey().name();
        drafts.add(NotificationDraft.of(watcher, KIND, "pulse:" + scope + ":" + kind + ":" + day,
                Map.of("scope", scope, "risk", kind, "severity", risk.getValue().name(),
                    "members", Integer.toString(concerned.get(risk.getKey())), "asOf", day))
            .digestedBy("pulse:" + scope));
      }
    }
    return drafts;
  }
}
