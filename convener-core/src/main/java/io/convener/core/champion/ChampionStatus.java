package io.convener.core.champion;

import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.RankedMember;
import io.convener.api.notify.NotificationDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code champion.status} notifications of a ranking: each listed member who holds a role is
 * told of their status, once per set of roles. The idempotency key is the sorted role set, so the
 * outbox keeps one message per member and role set: a member who first becomes a champion is
 * told, becoming a champion and connector later is news again, and the same status in later
 * rankings is not. Only listed members are told, and they are listed only with their consent to
 * {@code champion.recommendation}, which the relay re-checks before delivery.
 */
final class ChampionStatus {
  static final String KIND = "champion.status";

  private ChampionStatus() {}

  /** One draft per listed member with at least one role. */
  static List<NotificationDraft> drafts(ChampionRanking ranking) {
    List<NotificationDraft> drafts = new ArrayList<>();
    for (RankedMember entry : ranking.champions()) {
      if (entry.roles().isEmpty()) {
        continue;
      }
      String roles = entry.roles().stream().map(ChampionRole::wireName).sorted().collect(Collectors.joining(","));
      drafts.add(new NotificationDraft(
          entry.member(), KIND, KIND + ":" + roles,
          Map.of("roles", roles, "persona", entry.persona().name().toLowerCase(Locale.ROOT),
              "window", ranking.window().toString()),
          "", false));
    }
    return drafts;
  }
}
