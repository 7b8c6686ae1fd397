package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.innovation.SharingAgreement;
import io.convener.api.innovation.SharingTerms;
import io.convener.api.innovation.SpreadReport;
import io.convener.spi.storage.SharingAgreementStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One spread computation for a viewing tenant: finds the innovation's home, gathers the sides of
 * the tenants the viewer may see, links the lineage and hands it to {@link SpreadAssembler}.
 *
 * <p>What a viewer sees: its own events always. When the innovation is its own, also the side of
 * every tenant it shares with that accepts from it; when the innovation is another tenant's (named
 * by {@code attrs.fromTenant} of the viewer's adoptions), that tenant's side, if it shares with the
 * viewer and the viewer accepts from it. Another tenant's adoptions that name a third tenant as
 * their source stay out of view. Not thread-safe; one per call.
 */
final class SpreadComputation {
  /** The report and what the provenance entry records. */
  record Computed(SpreadReport report, List<String> used, List<String> generated) {}

  private final SpreadReader reader;
  private final SharingAgreementStore store;
  private final SpreadAssembler assembler;

  SpreadComputation(SpreadReader reader, SharingAgreementStore store, SpreadAssembler assembler) {
    this.reader = requireNonNull(reader, "reader");
    this.store = requireNonNull(store, "store");
    this.assembler = requireNonNull(assembler, "assembler");
  }

  Computed compute(TenantId viewer, EventId innovation, Duration window) {
    Agreements agreements = new Agreements(store);
    SpreadReader.Side own = reader.side(viewer, innovation);
    if (own.self().isPresent()) {
      throw new InvalidInputException("innovation", notAnInnovation(innovation, own.self().get()));
    }
    if (own.innovation().isEmpty() && own.adoptions().isEmpty()) {
      throw new InvalidInputException("innovation",
          "tenant " + viewer.value() + " has no innovation and no adoption with id " + innovation.value());
    }
    Optional<SpreadEvent> root = own.innovation();
    TenantId home = viewer;
    List<TenantId> others = new ArrayList<>();
    if (root.isPresent()) {
      for (SharingAgreement a : store.list(viewer)) {
        TenantId partner = a.terms().counterpart();
        if (a.terms().direction() == SharingTerms.Direction.SHARE_WITH && agreements.allows(viewer, partner)) {
          others.add(partner);
        }
      }
    } else {
      List<TenantId> sources = sources(viewer, own.adoptions());
      home = sources.isEmpty() ? viewer : sources.get(0);
      for (TenantId source : sources) {
        if (agreements.allows(source, viewer)) {
          Optional<SpreadEvent> there = reader.side(source, innovation).innovation();
          if (there.isPresent()) {
            home = source;
            root = there;
            others.add(source);
            break;
          }
        }
      }
    }
    if (root.isEmpty()) {
      return assembler.invisible(viewer, innovation, home, own.adoptions(), agreements);
    }
    Set<TenantId> view = new HashSet<>(others);
    view.add(viewer);
    List<SpreadEvent> adoptions = new ArrayList<>(own.adoptions());
    for (TenantId other : others) {
      SpreadReader.Side side = reader.side(other, innovation);
      boolean ownInnovation = side.innovation().isPresent() && !other.equals(home);
      for (SpreadEvent a : side.adoptions()) {
        boolean local = a.fromTenant().isEmpty() || a.fromTenant().get().equals(other.value());
        boolean fromView = a.fromTenant().isPresent() && view.stream().anyMatch(t -> t.value().equals(a.fromTenant().get()));
        if ((local && !ownInnovation) || (!local && fromView)) {
          adoptions.add(a);
        }
      }
    }
    Set<MemberId> holders = new HashSet<>();
    if (root.get().tenant().equals(viewer)) {
      holders.add(root.get().actor());
    }
    List<SpreadEvent> exposable = new ArrayList<>();
    for (SpreadEvent a : own.adoptions()) {
      holders.add(a.actor());
      if (a.fromTenant().isEmpty()) {
        exposable.add(a);
      }
    }
    ExposureIndex exposures = reader.exposures(viewer, exposable, holders, window);
    LineageBuilder.Lineage lineage = LineageBuilder.build(root.get(), adoptions, agreements, exposures, window);
    return assembler.assemble(viewer, innovation, lineage);
  }

  /** Why the id of an adoption has no spread of its own. */
  static String notAnInnovation(EventId id, RefChains.Trace trace) {
    if (trace instanceof RefChains.Root r) {
      return id.value() + " is an adoption, not an innovation: its refs[0] chain leads to " + r.root().value()
          + "; ask for the spread of " + r.root().value();
    }
    return "adoption " + id.value() + " is refused: its refs[0] chain forms a cycle ("
        + ((RefChains.Cycle) trace).describe() + "), so it continues no innovation's lineage";
  }

  /** The valid tenants the viewer's adoptions name as their source, in time order, without repeats. */
  private static List<TenantId> sources(TenantId viewer, List<SpreadEvent> adoptions) {
    List<SpreadEvent> ordered = new ArrayList<>(adoptions);
    ordered.sort(SpreadEvent.ORDER);
    Set<TenantId> found = new LinkedHashSet<>();
    for (SpreadEvent a : ordered) {
      if (a.fromTenant().isPresent()) {
        try {
          TenantId t = TenantId.of(a.fromTenant().get());
          if (!t.equals(viewer)) {
            found.add(t);
          }
        } catch (IllegalArgumentException e) {
          // Not a tenant id: the lineage builder rejects the adoption with the reason.
        }
      }
    }
    return List.copyOf(found);
  }
}
