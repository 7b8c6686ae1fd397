package io.convener.testing.synthetic;

import io.convener.api.CohortId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Member;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the organisation's structure: team sizes and org units, members with their names, skills
 * and cohorts, activity rates, and the hidden traits in a {@link Blueprint}. Team profiles and
 * connectors are left to {@link TeamDesigner}. Deterministic in the settings. Not API.
 */
final class StructureGenerator {
  private static final String EMAIL_DOMAIN = "synthetic.example";

  private final SyntheticOrganisation settings;
  private final Rng rng;
  private final Blueprint bp;

  private StructureGenerator(SyntheticOrganisation settings) {
    this.settings = settings;
    this.rng = Rng.derive(settings.seed(), 1);
    this.bp = new Blueprint(settings);
  }

  static Blueprint build(SyntheticOrganisation settings) {
    return new StructureGenerator(settings).run();
  }

  private Blueprint run() {
    bp.startSecond = settings.start().getEpochSecond();
    bp.endSecond = settings.end().getEpochSecond();
    bp.days = settings.weeks() * 7;
    int[] sizes = teamSizes();
    int n = settings.members();
    allocateMembers(n, sizes.length);
    placeTeams(sizes);
    drawActivity(n);
    TeamDesigner.design(bp, rng);
    buildMembers(n);
    return bp;
  }

  private int[] teamSizes() {
    int n = settings.members();
    if (settings.teams() > 0 || settings.membersPerTeam() > 0) {
      int count = settings.teams() > 0
          ? settings.teams()
          : Math.max(1, (int) Math.round((double) n / settings.membersPerTeam()));
      int[] sizes = new int[count];
      for (int t = 0; t < count; t++) {
        sizes[t] = n / count + (t < n % count ? 1 : 0);
      }
      return sizes;
    }
    List<Integer> sizes = new ArrayList<>();
    int remaining = n;
    while (remaining > 0) {
      int size = remaining <= 12 ? remaining : rng.between(5, Math.min(12, remaining - 5));
      sizes.add(size);
      remaining -= size;
    }
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  private void allocateMembers(int n, int teams) {
    bp.ids = new MemberId[n];
    int width = Math.max(4, Integer.toString(n).length());
    for (int i = 0; i < n; i++) {
      String digits = Integer.toString(i + 1);
      bp.ids[i] = MemberId.of("m" + "0".repeat(width - digits.length()) + digits);
    }
    bp.homeTeam = new int[n];
    bp.teamMembers = new int[teams][];
    bp.division = new Vocabulary.Division[teams];
    bp.teamIds = new TeamId[teams];
    bp.teamOrg = new OrgUnit[teams];
  }

  /** Shuffles members into teams, so that ids say nothing about teams, and gives each team a unit. */
  private void placeTeams(int[] sizes) {
    int n = settings.members();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    double[] divisionWeights = new double[Vocabulary.DIVISIONS.size()];
    double sum = 0;
    for (int d = 0; d < divisionWeights.length; d++) {
      sum += Vocabulary.DIVISIONS.get(d).weight();
      divisionWeights[d] = sum;
    }
    Map<String, Integer> perUnit = new HashMap<>();
    int next = 0;
    for (int t = 0; t < sizes.length; t++) {
      Vocabulary.Division d = Vocabulary.DIVISIONS.get(rng.weighted(divisionWeights));
      String unit = d.units().get(rng.nextInt(d.units().size()));
      int k = perUnit.merge(unit, 1, Integer::sum);
      bp.division[t] = d;
      bp.teamIds[t] = TeamId.of(unit + "-" + k);
      bp.teamOrg[t] = OrgUnit.of(d.name() + "/" + unit);
      bp.teamMembers[t] = Arrays.copyOfRange(order, next, next + sizes[t]);
      next += sizes[t];
      for (int m : bp.teamMembers[t]) {
        bp.homeTeam[m] = t;
      }
    }
  }

  private void drawActivity(int n) {
    double sigma = settings.activityDispersion();
    double median = settings.eventsPerMemberPerWeek() / StrictMath.exp(sigma * sigma / 2);
    bp.rate = new double[n];
    bp.silent = new boolean[n];
    bp.silentFrom = new long[n];
    bp.site = new int[n];
    bp.sentimentBias = new double[n];
    bp.consent = new Blueprint.ConsentHabit[n];
    bp.bridges = new int[n][];
    int[] teamSite = new int[bp.teamCount()];
    for (int t = 0; t < teamSite.length; t++) {
      teamSite[t] = rng.nextInt(Vocabulary.SITES.size());
    }
    for (int i = 0; i < n; i++) {
      bp.silent[i] = rng.chance(settings.silentShare());
      bp.rate[i] = bp.silent[i] ? 0 : rng.lognormal(median, sigma);
      bp.silentFrom[i] = bp.silent[i] ? bp.startSecond : Long.MAX_VALUE;
      bp.site[i] = rng.chance(0.8) ? teamSite[bp.homeTeam[i]] : rng.nextInt(Vocabulary.SITES.size());
      bp.sentimentBias[i] = 0.1 * rng.gaussian();
      bp.bridges[i] = new int[0];
      double habit = rng.nextDouble();
      bp.consent[i] = bp.silent[i] ? Blueprint.ConsentHabit.NEVER
          : habit < 0.82 ? Blueprint.ConsentHabit.GRANTS_ALL
          : habit < 0.91 ? Blueprint.ConsentHabit.GRANTS_SOME
          : habit < 0.96 ? Blueprint.ConsentHabit.NEVER
          : Blueprint.ConsentHabit.REVOKES_LATER;
    }
  }

  private void buildMembers(int n) {
    List<Member> members = new ArrayList<>(n);
    Set<String> emails = new HashSet<>();
    int endYear = settings.end().atOffset(ZoneOffset.UTC).getYear();
    for (int i = 0; i < n; i++) {
      int t = bp.homeTeam[i];
      String[] name = Vocabulary.name(rng);
      String local = name[0].toLowerCase(Locale.ROOT) + "." + name[1].toLowerCase(Locale.ROOT);
      String email = local + "@" + EMAIL_DOMAIN;
      for (int suffix = 2; !emails.add(email); suffix++) {
        email = local + suffix + "@" + EMAIL_DOMAIN;
      }
      List<CohortId> cohorts = new ArrayList<>();
      cohorts.add(CohortId.of("intake-" + (endYear - Math.min(8, rng.poisson(2.0)))));
      cohorts.add(CohortId.of("site-" + Vocabulary.SITES.get(bp.site[i]).name()));
      double guild = rng.nextDouble();
      if (guild < 0.5) {
        cohorts.add(CohortId.of(rng.pick(Vocabulary.GUILDS)));
        if (guild < 0.1) {
          cohorts.add(CohortId.of(rng.pick(Vocabulary.GUILDS)));
        }
      }
      members.add(Member.builder(bp.ids[i])
          .teams(bp.teamIds[t])
          .cohorts(cohorts)
          .org(bp.teamOrg[t])
          .displayName(name[0] + " " + name[1])
          .email(email)
          .skills(skillsFor(bp.division[t]))
          .build());
    }
    bp.members = List.copyOf(members);
  }

  private String[] skillsFor(Vocabulary.Division division) {
    Set<String> skills = new LinkedHashSet<>();
    int own = rng.between(2, 4);
    while (skills.size() < own) {
      skills.add(rng.pick(division.skills()));
    }
    if (rng.chance(0.4)) {
      skills.add(rng.pick(Vocabulary.COMMON_SKILLS));
    }
    return skills.toArray(new String[0]);
  }
}
