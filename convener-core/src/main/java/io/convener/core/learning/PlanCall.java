package io.convener.core.learning;

import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import io.convener.api.learning.LearningPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A learning plan as the gate sees it: the plan and the people it is to be sent to (the member, or
 * the team's members who consent), so that the choke point re-checks every person the call names,
 * recipients included.
 *
 * @param plan the plan
 * @param recipients who gets the {@code learning.plan} notification; empty unless the request asked
 */
record PlanCall(LearningPlan plan, List<Disclosed<MemberId>> recipients) implements NamesPeople {
  PlanCall {
    recipients = List.copyOf(recipients);
  }

  PlanCall withProvenanceId(long id) {
    return new PlanCall(plan.withProvenanceId(id), recipients);
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> all = new ArrayList<>(plan.disclosures());
    all.addAll(recipients);
    return all;
  }
}
