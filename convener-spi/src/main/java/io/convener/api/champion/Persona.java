package io.convener.api.champion;

import java.util.Locale;

/**
 * Give-and-receive personas after SWOOP Analytics. Contributions made ({@code given}) are the
 * collaboration events a member makes; responses received ({@code received}) are replies,
 * reactions, mentions and reviews others direct at the member. With {@code ratio = ln((received +
 * 1) / (given + 1))} and the tenant's {@link ChampionThresholds}, exactly one persona applies, tried
 * in this order: observer, broadcaster, catalyst, responder, engager.
 */
public enum Persona {
  /** Fewer than {@code observerActivity} contributions and responses together in the window. */
  OBSERVER,
  /** Mostly posts (a message share of at least {@code broadcasterPostShare}) and few responses (ratio below minus tau). */
  BROADCASTER,
  /** A clear surplus of responses received over contributions made: ratio above tau. */
  CATALYST,
  /** A clear surplus of contributions made over responses received: ratio below minus tau. */
  RESPONDER,
  /** A balance of contributions made and responses received: ratio within plus or minus tau. */
  ENGAGER;

  /** The lower-case name used in JSON, such as {@code catalyst}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
