package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import java.util.Optional;
import java.util.Set;

/**
 * One member active in the window, as a node of an exported network. A member who consents to
 * {@code champion.recommendation} is named (the label is the member id); anybody else is an
 * anonymous node: no member, and a label drawn at random for this one export, so that the same
 * person cannot be followed from one export to the next. Anonymous nodes keep their metrics and
 * their edges, so the structure of the network stays whole.
 *
 * @param member the member, disclosed under {@code champion.recommendation}; empty when anonymous
 * @param label the member id when named, otherwise a random label unique within the export
 * @param pagerank PageRank on the directed weighted graph, damping 0.85 (as {@code metrics} gives it)
 * @param betweenness normalised betweenness, distance 1 / weight (as {@code metrics} gives it)
 * @param community the member's community index
 * @param roles the champion roles the member holds in the window's ranking
 */
public record NetworkNode(
    Optional<Disclosed<MemberId>> member,
    String label,
    double pagerank,
    double betweenness,
    int community,
    Set<ChampionRole> roles) {
  /** Validates and copies; a named node's label is its member id. */
  public NetworkNode {
    requireNonNull(member, "member");
    requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
    if (member.isPresent() && !member.get().value().value().equals(label)) {
      throw new IllegalArgumentException("a named node's label must be its member id");
    }
    roles = Set.copyOf(requireNonNull(roles, "roles"));
  }

  /** Whether the node stands for a member who is not named. */
  public boolean anonymous() {
    return member.isEmpty();
  }
}
