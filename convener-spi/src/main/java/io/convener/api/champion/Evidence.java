package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why a member ranks where they do: the events and the people that contributed most to their
 * components. People are named only when they too consent to {@code champion.recommendation};
 * the others are counted in {@code peopleWithheld}.
 *
 * @param events the events that contributed most, largest first
 * @param people the consenting people who contributed most, largest first
 * @param peopleWithheld how many of the top contributing people were left out for lack of consent
 * @param signals the evidence each plugin signal gave for its value, by signal name
 */
public record Evidence(
    List<EventEvidence> events, List<PersonEvidence> people, int peopleWithheld, Map<String, List<String>> signals) {
  /** Validates and copies. */
  public Evidence {
    events = List.copyOf(requireNonNull(events, "events"));
    people = List.copyOf(requireNonNull(people, "people"));
    signals = Map.copyOf(requireNonNull(signals, "signals"));
    if (peopleWithheld < 0) {
      throw new IllegalArgumentException("peopleWithheld must be >= 0, got " + peopleWithheld);
    }
  }

  /** No evidence. */
  public static Evidence none() {
    return new Evidence(List.of(), List.of(), 0, Map.of());
  }

  /** The people named, as disclosures. */
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> all = new ArrayList<>();
    for (PersonEvidence p : people) {
      all.add(p.person());
    }
    return all;
  }

  /**
   * One event's contribution.
   *
   * @param event the event
   * @param kind its kind's wire name
   * @param component the component it fed
   * @param contribution what it added to that component, before normalisation
   */
  public record EventEvidence(EventId event, String kind, String component, double contribution) {
    /** Validates. */
    public EventEvidence {
      requireNonNull(event, "event");
      requireNonNull(kind, "kind");
      requireNonNull(component, "component");
    }
  }

  /**
   * One person's contribution.
   *
   * @param person the person, disclosed under {@code champion.recommendation}
   * @param component the component they fed most
   * @param contribution what they added to it, before normalisation
   */
  public record PersonEvidence(Disclosed<MemberId> person, String component, double contribution) {
    /** Validates. */
    public PersonEvidence {
      requireNonNull(person, "person");
      requireNonNull(component, "component");
    }
  }
}
