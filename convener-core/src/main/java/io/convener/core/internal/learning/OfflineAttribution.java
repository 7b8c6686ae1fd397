package io.convener.core.internal.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.learning.AttributionModel;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attribution of an organisation held in memory, without a store, consent, provenance or
 * notifications: the same lineage, evidence features, weights and credit models as the learning
 * catalyst, for the tools that fit the evidence weights and measure accuracy on generated
 * organisations ({@code convener-benchmarks}) and for the accuracy tests. Not API: hosts call
 * {@link io.convener.api.learning.LearningCatalyst}. Stateless.
 */
public final class OfflineAttribution {
  private OfflineAttribution() {}

  /**
   * One outcome's candidate artifacts before any is dropped, each with its author and its
   * evidence features (in {@link #featureNames()} order).
   *
   * @param outcome the outcome
   * @param authors the author of each candidate
   * @param features the features of each candidate, in the same order
   */
  public record Candidates(EventId outcome, List<MemberId> authors, List<double[]> features) {
    /** Copies the lists. */
    public Candidates {
      requireNonNull(outcome, "outcome");
      authors = List.copyOf(authors);
      features = List.copyOf(features);
    }
  }

  /** The names of the evidence features, in the order of {@link #weights()}. */
  public static List<String> featureNames() {
    return Features.NAMES;
  }

  /** A copy of the evidence weights the catalyst uses, log odds per unit of each feature. */
  public static double[] weights() {
    return Weights.WEIGHTS.clone();
  }

  /** The log odds of a candidate before evidence. */
  public static double bias() {
    return Weights.BIAS;
  }

  /** Every outcome's candidates, in outcome time order. */
  public static List<Candidates> candidates(Collection<Member> members, List<Event> events) {
    LineageIndex index = index(members, events);
    List<Candidates> out = new ArrayList<>();
    for (Event outcome : index.outcomes()) {
      List<MemberId> authors = new ArrayList<>();
      List<double[]> features = new ArrayList<>();
      for (Lineage.Scored s : Lineage.candidates(index, outcome)) {
        authors.add(s.candidate().artifact.actor());
        features.add(s.features());
      }
      out.add(new Candidates(outcome.id(), authors, features));
    }
    return out;
  }

  /**
   * Each outcome's contributors under {@code model} and evidence weights {@code weights}, largest
   * share first (ties by member id), as the catalyst ranks them when everybody consents.
   */
  public static Map<EventId, List<MemberId>> ranked(
      Collection<Member> members, List<Event> events, AttributionModel model, double[] weights) {
    if (weights.length != Features.COUNT) {
      throw new IllegalArgumentException("weights: expected " + Features.COUNT + ", got " + weights.length);
    }
    LineageIndex index = index(members, events);
    Map<EventId, List<MemberId>> out = new LinkedHashMap<>();
    for (Event outcome : index.outcomes()) {
      List<Touch> touches = Lineage.touches(index, outcome, weights);
      double[] shares = CreditModels.split(model, touches, outcome.at());
      Map<MemberId, Double> byAuthor = new LinkedHashMap<>();
      for (int i = 0; i < touches.size(); i++) {
        byAuthor.merge(touches.get(i).author(), shares[i], Double::sum);
      }
      List<Map.Entry<MemberId, Double>> credited = new ArrayList<>();
      byAuthor.forEach((m, share) -> {
        if (share > 0) {
          credited.add(Map.entry(m, Math.min(1, share)));
        }
      });
      credited.sort(Map.Entry.<MemberId, Double>comparingByValue().reversed()
          .thenComparing(Map.Entry.comparingByKey()));
      out.put(outcome.id(), credited.stream().map(Map.Entry::getKey).toList());
    }
    return out;
  }

  /** The index the catalyst builds from a full scan: events in time order, then id. */
  private static LineageIndex index(Collection<Member> members, List<Event> events) {
    Map<EventId, Event> byId = new HashMap<>();
    events.forEach(e -> byId.put(e.id(), e));
    LineageIndex index = new LineageIndex(members, id -> Optional.ofNullable(byId.get(id)));
    events.stream()
        .filter(e -> LineageIndex.KINDS.contains(e.kind()))
        .sorted(Comparator.comparing(Event::at).thenComparing(e -> e.id().value()))
        .forEach(index::add);
    return index;
  }
}
