package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import io.convener.api.innovation.LineageEntry;
import io.convener.api.innovation.Person;
import io.convener.api.innovation.RejectedAdoption;
import io.convener.api.innovation.SpreadReport;
import io.convener.core.innovation.Pseudonyms.Kind;
import io.convener.core.internal.consent.ConsentEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a linked lineage into the report a viewing tenant may see: the viewer's people by id with
 * consent for {@code innovation.attribution} (else withheld); another tenant's people, teams and
 * events only as pseudonyms, and its people only with their consent in their own tenant; the
 * metrics of {@link CascadeTree} and {@link BassEstimator}; and the entity ids of the provenance
 * entry, among them one {@code wasDerivedFrom} edge per adoption and one line per rejection.
 */
final class SpreadAssembler {
  /** Length of one Bass period. */
  static final Duration PERIOD = Duration.ofDays(7);
  private static final Purpose PURPOSE = Purpose.INNOVATION_ATTRIBUTION;
  private static final double DAY_SECONDS = 86_400.0;

  private final ConsentEngine consent;
  private final Pseudonyms pseudonyms;

  SpreadAssembler(ConsentEngine consent, Pseudonyms pseudonyms) {
    this.consent = requireNonNull(consent, "consent");
    this.pseudonyms = requireNonNull(pseudonyms, "pseudonyms");
  }

  SpreadComputation.Computed assemble(TenantId viewer, EventId innovation, LineageBuilder.Lineage lineage) {
    List<SpreadEvent> nodes = lineage.nodes();
    CascadeTree tree = new CascadeTree(lineage.parent());
    Map<MemberId, Disclosed<MemberId>> named = disclose(viewer, nodes);
    List<String> refs = new ArrayList<>(nodes.size());
    refs.add(innovation.value());
    for (int i = 1; i < nodes.size(); i++) {
      refs.add(ref(viewer, nodes.get(i)));
    }
    int[] withheld = {0};
    Person origin = person(viewer, nodes.get(0), named, withheld);
    List<LineageEntry> entries = new ArrayList<>();
    List<String> used = new ArrayList<>();
    List<String> generated = new ArrayList<>();
    used.add("event:" + (nodes.get(0).tenant().equals(viewer) ? innovation.value() : ref(viewer, nodes.get(0))));
    generated.add("innovation-spread:" + innovation.value());
    Set<String> teams = new HashSet<>();
    Set<TenantId> tenants = new LinkedHashSet<>();
    double[] counts = new double[0];
    SpreadEvent root = nodes.get(0);
    for (int i = 0; i < nodes.size(); i++) {
      SpreadEvent n = nodes.get(i);
      tenants.add(n.tenant());
      n.team().ifPresent(t -> teams.add(n.tenant().value() + "\0" + t.value()));
      if (i == 0) {
        continue;
      }
      int parent = lineage.parent()[i];
      entries.add(new LineageEntry(refs.get(i), person(viewer, n, named, withheld), team(viewer, n), n.tenant(),
          refs.get(parent), n.at(), tree.depth(i), lineage.rules().get(i)));
      generated.add("prov:wasDerivedFrom(" + refs.get(i) + ", " + refs.get(parent) + ")");
      int period = (int) (Duration.between(root.at(), n.at()).toNanos() / PERIOD.toNanos());
      if (period >= counts.length) {
        counts = Arrays.copyOf(counts, period + 1);
      }
      counts[period]++;
    }
    List<RejectedAdoption> rejected = rejections(viewer, lineage.rejected(), used, generated);
    int adoptions = nodes.size() - 1;
    SpreadReport.Builder report = SpreadReport.builder()
        .innovation(innovation, root.tenant(), origin, Optional.of(root.at()))
        .reach(adoptions, teams.size(), tenants.size())
        .shape(tree.maxDepth(), tree.maxBreadth(), tree.broadcastShare(), tree.structuralVirality());
    if (adoptions > 0) {
      SpreadEvent last = nodes.get(nodes.size() - 1);
      double days = Math.max(1.0, Duration.between(root.at(), last.at()).getSeconds() / DAY_SECONDS);
      report.pace(Optional.of(Duration.between(root.at(), nodes.get(1).at())), adoptions / days);
      BassEstimator.Result bass = BassEstimator.fit(counts, PERIOD);
      if (bass.fit().isPresent()) {
        report.bass(bass.fit().get());
      } else {
        report.bassAbsent(bass.reason());
      }
    } else {
      report.bassAbsent("no adoptions");
    }
    report.lineage(entries, rejected, withheld[0]);
    return new SpreadComputation.Computed(report.build(), used, generated);
  }

  /** The report when the viewer may not see the innovation: every own adoption rejected, with why. */
  SpreadComputation.Computed invisible(TenantId viewer, EventId innovation, TenantId home,
      List<SpreadEvent> adoptions, Agreements agreements) {
    List<LineageBuilder.Rejection> rejections = new ArrayList<>();
    for (SpreadEvent a : adoptions) {
      String reason;
      TenantId source = viewer;
      Optional<TenantId> named = a.fromTenant().flatMap(SpreadAssembler::tenant);
      if (a.fromTenant().isPresent() && named.isEmpty()) {
        reason = "attrs.fromTenant is not a tenant id";
      } else if (named.isPresent() && !named.get().equals(viewer)) {
        source = named.get();
        reason = agreements.refusal(source, viewer).orElse("tenant " + source.value()
            + " has no innovation with id " + innovation.value());
      } else {
        reason = "no source: the innovation is not in tenant " + viewer.value()
            + " and the adoption names no fromTenant";
      }
      rejections.add(new LineageBuilder.Rejection(a, source, reason));
    }
    List<String> used = new ArrayList<>();
    List<String> generated = new ArrayList<>();
    generated.add("innovation-spread:" + innovation.value());
    List<RejectedAdoption> rejected = rejections(viewer, rejections, used, generated);
    String why = home.equals(viewer)
        ? "the innovation is not in this tenant and its adoptions name no source tenant"
        : "the innovation is in tenant " + home.value() + ", whose side this tenant may not see";
    SpreadReport report = SpreadReport.builder()
        .innovation(innovation, home, new Person.Withheld(why), Optional.empty())
        .reach(0, 0, 0)
        .bassAbsent("no adoptions recorded")
        .lineage(List.of(), rejected, 0)
        .build();
    return new SpreadComputation.Computed(report, used, generated);
  }

  private List<RejectedAdoption> rejections(TenantId viewer, List<LineageBuilder.Rejection> rejections,
      List<String> used, List<String> generated) {
    List<RejectedAdoption> out = new ArrayList<>();
    for (LineageBuilder.Rejection r : rejections) {
      String node = ref(viewer, r.adoption());
      out.add(new RejectedAdoption(node, r.source(), r.adoption().tenant(), r.reason()));
      used.add("event:" + node);
      String line = "rejected(" + node + "): " + r.reason();
      generated.add(line.length() <= 400 ? line : line.substring(0, 400));
    }
    return out;
  }

  private Map<MemberId, Disclosed<MemberId>> disclose(TenantId viewer, List<SpreadEvent> nodes) {
    Set<MemberId> own = new LinkedHashSet<>();
    for (SpreadEvent n : nodes) {
      if (n.tenant().equals(viewer)) {
        own.add(n.actor());
      }
    }
    Map<MemberId, Disclosed<MemberId>> named = new HashMap<>();
    for (Disclosed<MemberId> d : consent.disclose(viewer, PURPOSE, List.copyOf(own)).disclosed()) {
      named.put(d.value(), d);
    }
    return named;
  }

  private Person person(TenantId viewer, SpreadEvent n, Map<MemberId, Disclosed<MemberId>> named, int[] withheld) {
    if (n.tenant().equals(viewer)) {
      Disclosed<MemberId> d = named.get(n.actor());
      if (d != null) {
        return new Person.Named(d);
      }
    } else if (consent.check(n.tenant(), n.actor(), PURPOSE)) {
      return new Person.Pseudonymous(pseudonyms.of(viewer, n.tenant(), Kind.MEMBER, n.actor().value()));
    }
    withheld[0]++;
    return new Person.Withheld("no " + PURPOSE.name() + " consent");
  }

  private Optional<String> team(TenantId viewer, SpreadEvent n) {
    return n.team().map(t -> n.tenant().equals(viewer) ? t.value()
        : pseudonyms.of(viewer, n.tenant(), Kind.TEAM, t.value()));
  }

  private String ref(TenantId viewer, SpreadEvent n) {
    return n.tenant().equals(viewer) ? n.id().value() : pseudonyms.of(viewer, n.tenant(), Kind.EVENT, n.id().value());
  }

  private static Optional<TenantId> tenant(String value) {
    try {
      return Optional.of(TenantId.of(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
