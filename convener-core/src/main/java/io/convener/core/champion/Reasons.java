package io.convener.core.champion;

import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import io.convener.api.model.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words that explain a collaborator recommendation; they name only disclosed people. */
final class Reasons {
  /** Shared contacts named in a reason; the full list is in the recommendation. */
  static final int SHOWN = 5;

  private Reasons() {}

  static List<String> of(CollaboratorFinder.Candidate c, List<String> skills, SkillEvidence ev, Member m,
      int teamSize, double activity, List<Disclosed<MemberId>> shared, int sharedWithheld, boolean diverse) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < skills.size(); k++) {
      List<String> parts = new ArrayList<>();
      if (ev.declared(k, m)) {
        parts.add("declared");
      }
      if (ev.endorsed(k, c.node) > 0) {
        parts.add("endorsed " + number(ev.endorsed(k, c.node)));
      }
      if (ev.tagged(k, c.node) > 0) {
        parts.add(number(ev.tagged(k, c.node)) + " tagged events");
      }
      if (!parts.isEmpty()) {
        out.add("skill " + skills.get(k) + ": " + String.join(", ", parts));
      }
    }
    out.add("ties to " + c.direct + " of " + teamSize + " team members");
    int sharedCount = shared.size() + sharedWithheld;
    if (sharedCount > 0) {
      String names = shared.stream().limit(SHOWN).map(d -> d.value().value()).collect(Collectors.joining(", "));
      if (shared.size() > SHOWN) {
        names += " and " + (shared.size() - SHOWN) + " more";
      }
      String rest = sharedWithheld > 0 ? (shared.isEmpty() ? "" : " ") + "(+" + sharedWithheld + " not named)" : "";
      out.add(sharedCount + " shared contacts with the team: " + names + rest);
    }
    out.add("activity in the window: " + number(activity));
    if (diverse) {
      out.add("brings " + c.fresh + " contacts the team has no tie to");
    }
    return out;
  }

  private static String number(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.2f", x);
  }
}
