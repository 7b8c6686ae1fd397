package io.convener.http.json;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackTarget;
import io.convener.api.feedback.TeamFeedback;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON documents of feedback: the shapes {@code convener feedback} prints with {@code --format
 * json} and {@code /v1/feedback} answers.
 */
public final class FeedbackShapes {
  private FeedbackShapes() {}

  /**
   * One piece of feedback: {@code id}, {@code kind}, the target's {@code member}, {@code outcome},
   * {@code team} and {@code risk} where the kind has them, {@code verdict}, {@code reason}, {@code
   * author}, {@code created}, {@code status}, and {@code reviewer} and {@code reviewed} once
   * reviewed.
   *
   * @param f the feedback
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(Feedback f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id().value());
    FeedbackTarget t = f.target();
    m.put("kind", t.kind().wireName());
    t.member().map(MemberId::value).ifPresent(v -> m.put("member", v));
    t.outcome().map(EventId::value).ifPresent(v -> m.put("outcome", v));
    t.team().map(TeamId::value).ifPresent(v -> m.put("team", v));
    t.risk().ifPresent(r -> m.put("risk", r.name()));
    m.put("verdict", f.verdict().wireName());
    m.put("reason", f.reason());
    m.put("author", f.author());
    m.put("created", f.created().toString());
    m.put("status", f.status().wireName());
    f.reviewer().ifPresent(r -> m.put("reviewer", r));
    f.reviewed().ifPresent(r -> m.put("reviewed", r.toString()));
    return m;
  }

  /**
   * One team's feedback counts: {@code team}, {@code agreed}, {@code disputed}, {@code open},
   * {@code rejected} and {@code disputeRate}.
   *
   * @param t the counts
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(TeamFeedback t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("team", t.team().value());
    m.put("agreed", t.agreed());
    m.put("disputed", t.disputed());
    m.put("open", t.open());
    m.put("rejected", t.rejected());
    m.put("disputeRate", t.disputeRate());
    return m;
  }
}
