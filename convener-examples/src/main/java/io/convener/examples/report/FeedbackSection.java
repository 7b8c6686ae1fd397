package io.convener.examples.report;

import static io.convener.examples.report.Markup.esc;
import static io.convener.examples.report.Markup.fmt;
import static io.convener.examples.report.Markup.num;

import io.convener.api.feedback.TeamFeedback;
import java.util.List;

/**
 * The report's feedback section: per team, how many results about its members (and its own risk
 * flags) were agreed with and disputed, how many disputes wait for review or were rejected, and the
 * dispute rate as a bar. Names no person. Stateless.
 */
final class FeedbackSection {
  private static final int BAR = 120;

  private FeedbackSection() {}

  /** Appends the section to {@code out}. */
  static void render(StringBuilder out, List<TeamFeedback> teams) {
    out.append("<section id=\"feedback\"><h2>Feedback per team</h2>\n");
    int total = teams.stream().mapToInt(TeamFeedback::total).sum();
    if (total == 0) {
      out.append("<p>Nobody has agreed with or disputed a result yet (convener feedback add).</p></section>\n");
      return;
    }
    out.append("<p>Agreements and disputes of champion recommendations, learning credit and risk flags, counted"
        + " for every team of the member a result names. A dispute holds until an admin rejects it: disputed"
        + " champions are left out of the ranking, disputed credit and flags are marked.</p>\n")
        .append("<table><thead><tr><th scope=\"col\">team</th><th scope=\"col\">agreed</th>"
            + "<th scope=\"col\">disputed</th><th scope=\"col\">awaiting review</th><th scope=\"col\">rejected</th>"
            + "<th scope=\"col\">dispute rate</th></tr></thead><tbody>\n");
    for (TeamFeedback t : teams) {
      if (t.total() == 0) {
        continue;
      }
      double rate = t.disputeRate();
      out.append("<tr><td>").append(esc(t.team().value())).append("</td><td class=\"n\">").append(t.agreed())
          .append("</td><td class=\"n\">").append(t.disputed()).append("</td><td class=\"n\">").append(t.open())
          .append("</td><td class=\"n\">").append(t.rejected()).append("</td><td>")
          .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"dispute rate ")
          .append(fmt(100 * rate, 0)).append(" percent\" width=\"").append(BAR + 50).append("\" height=\"14\">")
          .append("<rect class=\"spark-box\" x=\"0\" y=\"1\" width=\"").append(BAR).append("\" height=\"12\"/>")
          .append("<rect class=\"bar\" x=\"0\" y=\"1\" width=\"").append(num(BAR * rate)).append("\" height=\"12\"/>")
          .append("<text x=\"").append(BAR + 6).append("\" y=\"11\">").append(fmt(100 * rate, 0)).append("%</text>")
          .append("</svg></td></tr>\n");
    }
    out.append("</tbody></table></section>\n");
  }
}
