package io.convener.api.champion;

import java.util.Locale;

/** The roles a ranked member can hold; a member may hold both or neither. */
public enum ChampionRole {
  /** A member whose champion score is in the tenant's top band (see the tenant's thresholds). */
  CHAMPION,
  /** A broker: high brokerage whose ties bridge two or more communities or teams. */
  CONNECTOR;

  /** The lower-case name used on the command line and in JSON, such as {@code connector}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
