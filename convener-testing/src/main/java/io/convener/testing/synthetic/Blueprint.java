package io.convener.testing.synthetic;

import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Member;
import java.util.List;

/**
 * The hidden model behind a synthetic organisation: per-member and per-team traits as arrays,
 * indexed by member index (member id number minus one) and team index. {@link StructureGenerator}
 * fills it once; nothing changes it afterwards, and {@link GeneratedOrganisation} publishes it
 * through a final field, so any number of event streams may read it concurrently. Not API.
 */
final class Blueprint {
  /** How a member decides about consent over the period. */
  enum ConsentHabit {
    /** Grants every purpose when onboarding. */
    GRANTS_ALL,
    /** Grants some purposes only. */
    GRANTS_SOME,
    /** Never records any consent. */
    NEVER,
    /** Grants every purpose, later revokes one or two. */
    REVOKES_LATER
  }

  SyntheticOrganisation settings;
  long startSecond;
  long endSecond;
  int days;

  // Members, by member index.
  List<Member> members = List.of();
  MemberId[] ids = new MemberId[0];
  int[] homeTeam = new int[0];
  /** Actions started per week; 0 for silent members. */
  double[] rate = new double[0];
  int[] site = new int[0];
  boolean[] silent = new boolean[0];
  /** Epoch second from which the member does nothing more; {@code Long.MAX_VALUE} if never. */
  long[] silentFrom = new long[0];
  double[] sentimentBias = new double[0];
  ConsentHabit[] consent = new ConsentHabit[0];
  /** Teams a connector bridges, most important first; empty for everyone else. */
  int[][] bridges = new int[0][];
  /** Connectors' member indexes, broadest first. */
  int[] connectors = new int[0];

  // Teams, by team index.
  TeamId[] teamIds = new TeamId[0];
  OrgUnit[] teamOrg = new OrgUnit[0];
  Vocabulary.Division[] division = new Vocabulary.Division[0];
  int[][] teamMembers = new int[0][];
  TeamProfile[] profile = new TeamProfile[0];
  /** Epoch second from which a declining team's activity falls; {@code Long.MAX_VALUE} if steady. */
  long[] declineFrom = new long[0];
  /** Teams an innovation or a cross-team contact most naturally reaches from this team. */
  int[][] neighbours = new int[0][];
  /** Connectors bridging into this team. */
  int[][] bridgers = new int[0][];
  /** Cumulative activity weights over {@code teamMembers[t]}: who speaks up. */
  double[][] cumulativeRate = new double[0][];
  /** Cumulative popularity weights over {@code teamMembers[t]}: who gets addressed. */
  double[][] cumulativePopularity = new double[0][];

  Blueprint(SyntheticOrganisation settings) {
    this.settings = settings;
  }

  int teamCount() {
    return teamMembers.length;
  }

  int memberCount() {
    return ids.length;
  }

  /** Whether the member still acts at this epoch second. */
  boolean activeAt(int member, long second) {
    return !silent[member] && second < silentFrom[member];
  }

  /** The team's activity multiplier at this epoch second: 1, or falling to 0.25 when declining. */
  double trend(int team, long second) {
    long from = declineFrom[team];
    if (second < from) {
      return 1.0;
    }
    double progress = (double) (second - from) / Math.max(1, endSecond - from);
    return 1.0 - 0.75 * Math.min(1.0, progress);
  }
}
