package io.convener.api.champion;

/**
 * One directed edge of an exported network: the summed weight of the window's collaboration
 * events from one member to another, as the contract's graph defines it.
 *
 * @param source the index of the acting member's node in {@link NetworkGraph#nodes()}
 * @param target the index of the targeted member's node
 * @param weight the summed weight, positive
 */
public record NetworkEdge(int source, int target, double weight) {
  /** Validates. */
  public NetworkEdge {
    if (source < 0 || target < 0 || source == target) {
      throw new IllegalArgumentException("source and target must be distinct node indexes, got " + source
          + " and " + target);
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be positive and finite, got " + weight);
    }
  }
}
