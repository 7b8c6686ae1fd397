package io.convener.core.internal.gate;

import static java.util.Objects.requireNonNull;

import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.replay.Receipt;
import java.util.List;
import java.util.Set;

/**
 * The only {@link Receipt} there is: made by {@link CallNotes} from what the {@link Gate} saw of
 * each successful call, so that a replay is checked against the roles that call really needed and
 * the people its result really named, not against what a host says. Immutable; thread-safe.
 */
public final class GateReceipt implements Receipt {
  /**
   * One service call of the recorded call.
   *
   * @param activity its activity, also its rate-limit bucket
   * @param roles the roles that could make it
   * @param sequence its provenance entry
   * @param named the people its (consent-filtered) result named, each with its purpose
   */
  public record Step(String activity, Set<Role> roles, long sequence, List<Disclosed<?>> named) {
    /** Validates and copies. */
    public Step {
      requireNonNull(activity, "activity");
      roles = Set.copyOf(roles);
      named = List.copyOf(named);
    }
  }

  private final TenantId tenant;
  private final String subject;
  private final List<Step> steps;

  GateReceipt(TenantId tenant, String subject, List<Step> steps) {
    this.tenant = requireNonNull(tenant, "tenant");
    this.subject = requireNonNull(subject, "subject");
    this.steps = List.copyOf(steps);
    if (this.steps.isEmpty()) {
      throw new IllegalArgumentException("a receipt covers at least one call");
    }
  }

  @Override
  public TenantId tenant() {
    return tenant;
  }

  @Override
  public String subject() {
    return subject;
  }

  @Override
  public List<Long> entries() {
    return steps.stream().map(Step::sequence).toList();
  }

  /** The service calls, in the order they ran. */
  public List<Step> steps() {
    return steps;
  }

  @Override
  public String toString() {
    return "Receipt[" + tenant + ", entries " + entries() + "]";
  }
}
