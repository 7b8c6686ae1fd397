package io.convener.core.learning;

import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import io.convener.api.learning.LearningPlan;
import io.convener.api.learning.Recommendation;
import io.convener.api.notify.NotificationDraft;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The notifications of a learning plan: {@value #KIND} to each recipient (the member, or each
 * member of the team who consents to {@code learning.attribution}), with the plan's subject, the
 * recommended artifacts' ids and the instant it was made at; never anybody's name. The
 * idempotency key is a digest of the subject and the artifacts, so asking for the same plan again sends
 * nothing new until it changes. A plan without recommendations sends nothing.
 */
final class PlanNotifier {
  static final String KIND = "learning.plan";

  private PlanNotifier() {}

  /** One draft per recipient of the call. */
  static List<NotificationDraft> drafts(PlanCall call) {
    LearningPlan plan = call.plan();
    if (plan.recommendations().isEmpty()) {
      return List.of();
    }
    String artifacts = String.join(",", plan.recommendations().stream().map(r -> r.artifact().value()).toList());
    String key = KIND + ":" + digest(plan.subject() + "|" + artifacts);
    Map<String, String> payload = Map.of("plan", plan.subject(), "artifacts", shorten(artifacts),
        "count", Integer.toString(plan.recommendations().size()), "asOf", plan.asOf().toString(),
        "top", reason(plan.recommendations().get(0)));
    return call.recipients().stream()
        .map((Disclosed<MemberId> r) -> NotificationDraft.of(r, KIND, key, payload)).toList();
  }

  /** The first recommendation's tags, which name no person. */
  private static String reason(Recommendation r) {
    List<String> tags = r.matchedTags().isEmpty() ? r.plannedTags() : r.matchedTags();
    return r.artifact().value() + " (" + String.join(", ", tags) + ")";
  }

  /** The first 128 bits of the SHA-256 of the text, in hex: a key of bounded length for any ids. */
  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String shorten(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
  }
}
