package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lineage and adoption metrics of one innovation, as one tenant may see them. Metrics are over
 * the cascade tree: the innovation is the root, each recorded adoption a node whose parent is the
 * node it was learned from; see {@code docs/innovation.md} for every formula. Build one with
 * {@link #builder()}. Immutable.
 *
 * @param innovation the innovation's event id
 * @param home the tenant where the innovation was flagged
 * @param origin who flagged it
 * @param originAt when it was flagged; empty when the caller may not see the home tenant's side
 * @param adoptions recorded adoptions (nodes of the tree other than the root)
 * @param teams distinct teams in the tree, the originator's included, counted per tenant
 * @param tenants distinct tenants in the tree, the home tenant included
 * @param depth the most generations between the root and an adoption (0 without adoptions)
 * @param maxBreadth the most adoptions at one depth (0 without adoptions)
 * @param broadcastShare the share of adoptions learned directly from the root (0 without adoptions)
 * @param timeToFirstReplication from the innovation to its first adoption, if any
 * @param adoptionVelocity adoptions per day between the innovation and its latest adoption
 * @param structuralVirality mean shortest-path distance over all pairs of nodes of the tree
 *     (Goel et al. 2016); 0 for a tree of one node
 * @param bass the Bass diffusion fit, when there are enough periods and the fit is valid
 * @param bassAbsentReason why {@code bass} is empty; empty when it is present
 * @param lineage the adoptions, in time order
 * @param rejected adoptions across tenants that were not recorded, with the missing agreement
 * @param withheld people (originator and adopters) counted but not shown for lack of consent
 * @param provenanceId the id of the provenance entry of the call that computed the report
 */
public record SpreadReport(
    EventId innovation,
    TenantId home,
    Person origin,
    Optional<Instant> originAt,
    int adoptions,
    int teams,
    int tenants,
    int depth,
    int maxBreadth,
    double broadcastShare,
    Optional<Duration> timeToFirstReplication,
    double adoptionVelocity,
    double structuralVirality,
    Optional<BassFit> bass,
    Optional<String> bassAbsentReason,
    List<LineageEntry> lineage,
    List<RejectedAdoption> rejected,
    int withheld,
    long provenanceId) implements NamesPeople {

  /** Validates and copies. */
  public SpreadReport {
    requireNonNull(innovation, "innovation");
    requireNonNull(home, "home");
    requireNonNull(origin, "origin");
    requireNonNull(originAt, "originAt");
    requireNonNull(timeToFirstReplication, "timeToFirstReplication");
    requireNonNull(bass, "bass");
    requireNonNull(bassAbsentReason, "bassAbsentReason");
    lineage = List.copyOf(requireNonNull(lineage, "lineage"));
    rejected = List.copyOf(requireNonNull(rejected, "rejected"));
    if (adoptions < 0 || teams < 0 || tenants < 0 || depth < 0 || maxBreadth < 0 || withheld < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (bass.isPresent() == bassAbsentReason.isPresent()) {
      throw new IllegalArgumentException("exactly one of bass and bassAbsentReason must be present");
    }
  }

  /** A builder with every count at 0 and every list empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** The report with its provenance id. */
  public SpreadReport withProvenanceId(long id) {
    return new SpreadReport(innovation, home, origin, originAt, adoptions, teams, tenants, depth, maxBreadth,
        broadcastShare, timeToFirstReplication, adoptionVelocity, structuralVirality, bass, bassAbsentReason,
        lineage, rejected, withheld, id);
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> all = new ArrayList<>();
    origin.disclosed().ifPresent(all::add);
    for (LineageEntry e : lineage) {
      e.adopter().disclosed().ifPresent(all::add);
    }
    return all;
  }

  /** Builds a {@link SpreadReport}; not thread-safe. */
  public static final class Builder {
    private @Nullable EventId innovation;
    private @Nullable TenantId home;
    private @Nullable Person origin;
    private Optional<Instant> originAt = Optional.empty();
    private int adoptions;
    private int teams;
    private int tenants;
    private int depth;
    private int maxBreadth;
    private double broadcastShare;
    private Optional<Duration> timeToFirstReplication = Optional.empty();
    private double adoptionVelocity;
    private double structuralVirality;
    private Optional<BassFit> bass = Optional.empty();
    private Optional<String> bassAbsentReason = Optional.of("no adoptions");
    private List<LineageEntry> lineage = List.of();
    private List<RejectedAdoption> rejected = List.of();
    private int withheld;

    private Builder() {}

    /** The innovation, its home tenant, originator and the instant it was flagged (if visible). */
    public Builder innovation(EventId id, TenantId home, Person origin, Optional<Instant> at) {
      this.innovation = id;
      this.home = home;
      this.origin = origin;
      this.originAt = at;
      return this;
    }

    /** The sizes of the cascade: adoptions, distinct teams and distinct tenants. */
    public Builder reach(int adoptions, int teams, int tenants) {
      this.adoptions = adoptions;
      this.teams = teams;
      this.tenants = tenants;
      return this;
    }

    /** The shape of the tree. */
    public Builder shape(int depth, int maxBreadth, double broadcastShare, double structuralVirality) {
      this.depth = depth;
      this.maxBreadth = maxBreadth;
      this.broadcastShare = broadcastShare;
      this.structuralVirality = structuralVirality;
      return this;
    }

    /** The pace of the cascade. */
    public Builder pace(Optional<Duration> timeToFirstReplication, double adoptionVelocity) {
      this.timeToFirstReplication = timeToFirstReplication;
      this.adoptionVelocity = adoptionVelocity;
      return this;
    }

    /** A Bass fit. */
    public Builder bass(BassFit fit) {
      this.bass = Optional.of(fit);
      this.bassAbsentReason = Optional.empty();
      return this;
    }

    /** No Bass fit, and why. */
    public Builder bassAbsent(String reason) {
      this.bass = Optional.empty();
      this.bassAbsentReason = Optional.of(reason);
      return this;
    }

    /** The lineage, the rejected adoptions and how many people were withheld. */
    public Builder lineage(List<LineageEntry> lineage, List<RejectedAdoption> rejected, int withheld) {
      this.lineage = lineage;
      this.rejected = rejected;
      this.withheld = withheld;
      return this;
    }

    /**
     * The report, without a provenance id yet (0).
     *
     * @throws NullPointerException when the innovation was not given
     */
    public SpreadReport build() {
      return new SpreadReport(requireNonNull(innovation, "innovation"), requireNonNull(home, "home"),
          requireNonNull(origin, "origin"), originAt, adoptions, teams, tenants, depth, maxBreadth, broadcastShare,
          timeToFirstReplication, adoptionVelocity, structuralVirality, bass, bassAbsentReason, lineage, rejected,
          withheld, 0L);
    }
  }
}
