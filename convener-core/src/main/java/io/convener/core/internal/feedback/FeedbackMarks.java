package io.convener.core.internal.feedback;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackId;
import io.convener.api.feedback.FeedbackTarget;
import io.convener.api.pulse.RiskKind;
import io.convener.spi.storage.FeedbackStore;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the disputes of one tenant that hold (open or accepted), so that a service marks its result
 * with them: a champion ranking holds the disputed members out, an attribution and a risk flag carry
 * the ids of their disputes. It reads only the tenant it is asked for, so one tenant's feedback
 * cannot reach another's results. Every call reads the store: a dispute or a review changes the
 * next result. Thread-safe.
 */
public final class FeedbackMarks {
  private final FeedbackStore store;

  /** Marks from this store. */
  @Inject
  public FeedbackMarks(FeedbackStore store) {
    this.store = requireNonNull(store, "store");
  }

  /** The tenant's disputes that hold now. */
  public Disputes read(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    Map<FeedbackTarget, List<FeedbackId>> byTarget = new HashMap<>();
    for (Feedback f : store.holdingDisputes(tenant)) {
      if (f.holds()) {
        byTarget.computeIfAbsent(f.target(), t -> new ArrayList<>()).add(f.id());
      }
    }
    return new Disputes(byTarget);
  }

  /** The disputes of one tenant that held when they were read, by target. Immutable. */
  public static final class Disputes {
    private static final Disputes NONE = new Disputes(Map.of());

    private final Map<FeedbackTarget, List<FeedbackId>> byTarget;

    private Disputes(Map<FeedbackTarget, List<FeedbackId>> byTarget) {
      Map<FeedbackTarget, List<FeedbackId>> copy = new HashMap<>();
      byTarget.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      this.byTarget = Map.copyOf(copy);
    }

    /** No disputes at all. */
    public static Disputes none() {
      return NONE;
    }

    /** Whether a dispute of the member's champion recommendation holds: they are held out of rankings. */
    public boolean heldOut(MemberId member) {
      return byTarget.containsKey(FeedbackTarget.champion(member));
    }

    /** The disputes of the member's credit for the outcome, oldest first. */
    public List<FeedbackId> attribution(EventId outcome, MemberId member) {
      return ids(FeedbackTarget.attribution(outcome, member));
    }

    /** The disputes of a flag of this kind naming the member, oldest first. */
    public List<FeedbackId> memberRisk(RiskKind kind, MemberId member) {
      return kind.individual() ? ids(FeedbackTarget.memberRisk(kind, member)) : List.of();
    }

    /** The disputes of a scope-wide flag of this kind raised for the team, oldest first. */
    public List<FeedbackId> teamRisk(RiskKind kind, Optional<TeamId> team) {
      return team.isPresent() && !kind.individual() ? ids(FeedbackTarget.teamRisk(kind, team.get())) : List.of();
    }

    /** Whether any dispute holds. */
    public boolean isEmpty() {
      return byTarget.isEmpty();
    }

    private List<FeedbackId> ids(FeedbackTarget target) {
      return byTarget.getOrDefault(target, List.of());
    }
  }
}
