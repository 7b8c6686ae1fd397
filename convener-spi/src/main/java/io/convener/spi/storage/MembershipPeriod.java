package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.CohortId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One period of a member's membership history: from {@code fromMillis} (epoch millisecond, {@link
 * #BEGINNING} for "always") until the next period of the same member starts, the member belonged
 * to these teams, cohorts and org unit. Periods of one member never overlap: each ends where the
 * next begins, and the last one holds on. Immutable and thread-safe.
 *
 * @param member the member
 * @param fromMillis when the period starts, epoch milliseconds; {@link #BEGINNING} for the first
 *     period of a member whose history reaches back to the start
 * @param teams the member's teams in the period
 * @param cohorts the member's cohorts in the period
 * @param org the member's org unit in the period, if any
 */
public record MembershipPeriod(
    MemberId member, long fromMillis, List<TeamId> teams, List<CohortId> cohorts, Optional<OrgUnit> org) {
  /** The start of a period that reaches back to the beginning. */
  public static final long BEGINNING = Long.MIN_VALUE;

  /** Validates and copies every component. */
  public MembershipPeriod {
    requireNonNull(member, "member");
    teams = List.copyOf(teams);
    cohorts = List.copyOf(cohorts);
    requireNonNull(org, "org");
  }

  /** The member's membership (teams, cohorts, org) as a period from {@code fromMillis}. */
  public static MembershipPeriod of(Member m, long fromMillis) {
    return new MembershipPeriod(m.id(), fromMillis, m.teams(), m.cohorts(), m.org());
  }

  /** The period's membership as a member without personal data or skills. */
  public Member asMember() {
    Member.Builder b = Member.builder(member).teams(teams).cohorts(cohorts);
    org.ifPresent(b::org);
    return b.build();
  }

  /**
   * The rule every store applies when a member record is upserted: the member's history after
   * {@code record}, given the history before it. An empty history means "the current membership,
   * from the beginning" (the canonical form stores keep as no rows; the result is empty whenever
   * the history comes to one period from the beginning).
   *
   * <ul>
   *   <li>A record without {@code validFrom} whose membership equals the last period's keeps the
   *       history (re-sending an unchanged roster changes nothing); with another membership, it
   *       replaces the whole history: the record's membership from the beginning, as before
   *       membership history existed.
   *   <li>A record with {@code validFrom} v drops the periods that start at or after v and,
   *       unless the period in force just before v already has the record's membership, starts a
   *       new one at v. Before v the member keeps their earlier membership ({@code previous}, the
   *       stored member before this record, when the history was empty), or none for a new member.
   * </ul>
   *
   * @param history the member's periods before the record, oldest first (empty: no history)
   * @param previous the member as stored before the record, if any
   * @param record the member record being upserted
   * @return the member's periods after the record, oldest first (empty: no history)
   */
  public static List<MembershipPeriod> after(List<MembershipPeriod> history, Optional<Member> previous, Member record) {
    if (record.validFrom().isEmpty()) {
      if (!history.isEmpty() && history.get(history.size() - 1).asMember().sameMembership(record)) {
        return List.copyOf(history);
      }
      return List.of();
    }
    long v = record.validFrom().get().toEpochMilli();
    List<MembershipPeriod> out = new ArrayList<>();
    if (!history.isEmpty()) {
      out.addAll(history);
    } else if (previous.isPresent()) {
      out.add(of(previous.get(), BEGINNING));
    }
    out.removeIf(p -> p.fromMillis() >= v);
    if (out.isEmpty() || !out.get(out.size() - 1).asMember().sameMembership(record)) {
      out.add(of(record, v));
    }
    return out.size() == 1 && out.get(0).fromMillis() == BEGINNING ? List.of() : List.copyOf(out);
  }
}
