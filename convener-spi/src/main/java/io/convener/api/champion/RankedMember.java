package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a champion ranking, with everything needed to explain it.
 *
 * @param member the member, disclosed under {@code champion.recommendation}
 * @param rank 1 for the first listed entry, counting listed entries only
 * @param score the weighted sum of the components: {@code sum(weights[c] * components[c])}
 * @param roles the roles the member holds
 * @param persona the member's give-and-receive persona
 * @param components each component, normalised to [0, 1]
 * @param raw each component before normalisation (PageRank, weighted counts, ...)
 * @param weights the weight each component had in the score
 * @param evidence the events and people that contributed most
 * @param exact whether every metric behind the entry is exact (false when betweenness was sampled
 *     or the structural metrics lag behind the newest events)
 * @param provenanceId the provenance entry of the call that produced the ranking
 */
public record RankedMember(
    Disclosed<MemberId> member,
    int rank,
    double score,
    Set<ChampionRole> roles,
    Persona persona,
    Map<String, Double> components,
    Map<String, Double> raw,
    Map<String, Double> weights,
    Evidence evidence,
    boolean exact,
    long provenanceId) {
  /** Validates and copies; maps keep their order. */
  public RankedMember {
    requireNonNull(member, "member");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    }
    roles = Set.copyOf(requireNonNull(roles, "roles"));
    requireNonNull(persona, "persona");
    components = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(components, "components")));
    raw = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(raw, "raw")));
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(weights, "weights")));
    requireNonNull(evidence, "evidence");
  }

  /** This entry with the provenance id of its call. */
  public RankedMember withProvenanceId(long id) {
    return new RankedMember(member, rank, score, roles, persona, components, raw, weights, evidence, exact, id);
  }

  /** The member and every person named in the evidence. */
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> all = new ArrayList<>();
    all.add(member);
    all.addAll(evidence.disclosures());
    return all;
  }
}
