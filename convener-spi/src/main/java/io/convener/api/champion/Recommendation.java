package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recommended collaborator, explained.
 *
 * @param member the member, disclosed under {@code champion.recommendation}
 * @param score the weighted sum of the components
 * @param components expertise, participation, proximity (and diversity when asked), each in [0, 1]
 * @param reasons the explanation in words, one reason a line
 * @param matchingSkills the wanted skills the member shows (declared, endorsed or in tagged events)
 * @param sharedNeighbours consenting people tied both to the member and to the team
 * @param sharedNeighboursWithheld shared neighbours left out for lack of consent
 * @param evidence events that show the matching skills, most recent first
 * @param provenanceId the provenance entry of the call
 */
public record Recommendation(
    Disclosed<MemberId> member,
    double score,
    Map<String, Double> components,
    List<String> reasons,
    List<String> matchingSkills,
    List<Disclosed<MemberId>> sharedNeighbours,
    int sharedNeighboursWithheld,
    List<EventId> evidence,
    long provenanceId) {
  /** Validates and copies. */
  public Recommendation {
    requireNonNull(member, "member");
    components = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(components, "components")));
    reasons = List.copyOf(requireNonNull(reasons, "reasons"));
    matchingSkills = List.copyOf(requireNonNull(matchingSkills, "matchingSkills"));
    sharedNeighbours = List.copyOf(requireNonNull(sharedNeighbours, "sharedNeighbours"));
    evidence = List.copyOf(requireNonNull(evidence, "evidence"));
  }

  /** This recommendation with the provenance id of its call. */
  public Recommendation withProvenanceId(long id) {
    return new Recommendation(member, score, components, reasons, matchingSkills, sharedNeighbours,
        sharedNeighboursWithheld, evidence, id);
  }

  /** The member and every shared neighbour named. */
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> all = new ArrayList<>();
    all.add(member);
    all.addAll(sharedNeighbours);
    return all;
  }
}
