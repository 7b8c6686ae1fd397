package io.convener.testing.synthetic;

import java.util.List;
import java.util.Locale;

/**
 * The fixed word lists the synthetic organisation draws from: divisions and their units, skills,
 * sites, guilds, and syllables for names that are obviously not real people's. Not API.
 */
final class Vocabulary {
  /** A top-level division, its units, how likely a team belongs to it, and its skills. */
  record Division(String name, List<String> units, double weight, List<String> skills, List<String> metrics) {}

  /** An office; members work its hours at a fixed offset from UTC (daylight saving is ignored). */
  record Site(String name, int utcOffsetHours) {}

  static final List<Division> DIVISIONS = List.of(
      new Division("eng",
          List.of("platform", "data", "mobile", "web", "infra", "security", "ml", "payments"),
          0.50,
          List.of("java", "kotlin", "go", "python", "typescript", "react", "sql", "postgres", "kafka",
              "kubernetes", "terraform", "aws", "observability", "appsec", "testing", "spark",
              "machine-learning", "api-design", "performance", "accessibility"),
          List.of("lead-time-hours", "deploys-per-week", "incident-minutes", "test-coverage")),
      new Division("product",
          List.of("design", "research", "growth"),
          0.12,
          List.of("user-research", "prototyping", "figma", "analytics", "roadmapping", "copywriting",
              "accessibility", "experimentation"),
          List.of("activation-rate", "task-success", "nps")),
      new Division("sales",
          List.of("emea", "amer", "apac"),
          0.15,
          List.of("negotiation", "forecasting", "crm", "discovery-calls", "pricing", "partnerships",
              "presentations", "solution-design"),
          List.of("pipeline-keur", "win-rate", "deal-cycle-days")),
      new Division("ops",
          List.of("finance", "people", "legal", "support"),
          0.13,
          List.of("budgeting", "hiring", "compliance", "contracts", "onboarding", "support-tooling",
              "payroll", "process-design"),
          List.of("tickets-closed", "time-to-hire-days", "close-days")),
      new Division("marketing",
          List.of("brand", "content"),
          0.10,
          List.of("seo", "content-strategy", "brand", "events", "campaigns", "analytics", "video"),
          List.of("qualified-leads", "reach-k", "conversion-rate")));

  static final List<String> COMMON_SKILLS =
      List.of("mentoring", "facilitation", "writing", "public-speaking", "coaching", "planning");

  static final List<Site> SITES = List.of(
      new Site("lisbon", 0), new Site("london", 0), new Site("berlin", 1), new Site("warsaw", 1),
      new Site("austin", -6), new Site("toronto", -5), new Site("singapore", 8), new Site("dubai", 4));

  static final List<String> GUILDS = List.of(
      "guild-frontend", "guild-data", "guild-security", "guild-testing", "guild-accessibility",
      "guild-writing", "guild-ml", "guild-sre");

  static final List<String> LEARNING_FORMATS = List.of("experiment-log", "lesson", "how-to");

  static final List<String> PRACTICE_ADJECTIVES = List.of(
      "async", "lightweight", "rotating", "blameless", "weekly", "paired", "open", "silent",
      "shadow", "trunk-based", "visual", "self-serve");

  static final List<String> PRACTICE_NOUNS = List.of(
      "standups", "retros", "demos", "code-review", "onboarding-buddies", "decision-logs",
      "office-hours", "runbooks", "design-crits", "deploys", "planning", "postmortems");

  static final List<String> REACTIONS = List.of("+1", "tada", "eyes", "heart", "rocket", "thinking");

  static final List<String> VERDICTS = List.of("approved", "changes-requested", "commented");

  private static final List<String> FIRST_START =
      List.of("ka", "lo", "mi", "ra", "ve", "no", "ta", "si", "el", "dor", "bri", "an", "zu", "fen",
          "o", "sa", "ly", "qui", "mar", "te", "ju", "pe", "wi", "ha");
  private static final List<String> FIRST_END =
      List.of("ra", "lin", "no", "vi", "ssa", "ko", "ren", "da", "mo", "rix", "lo", "na", "tan", "bel");
  private static final List<String> LAST_START =
      List.of("vel", "bram", "hol", "quil", "mar", "del", "wick", "thor", "gal", "brook", "fen",
          "stav", "lar", "om", "pel", "cras", "dun", "fal", "grim", "hask");
  private static final List<String> LAST_END =
      List.of("mint", "wood", "ley", "ton", "berg", "by", "stone", "field", "more", "ridge", "vane",
          "holt", "worth", "dale");

  private Vocabulary() {}

  /** A made-up first and last name, such as {@code Kora Velmint}. */
  static String[] name(Rng rng) {
    String first = rng.pick(FIRST_START) + rng.pick(FIRST_END);
    String last = rng.pick(LAST_START) + rng.pick(LAST_END);
    return new String[] {capitalise(first), capitalise(last)};
  }

  /** A practice title for an innovation, such as {@code async standups}. */
  static String practice(Rng rng) {
    return rng.pick(PRACTICE_ADJECTIVES) + " " + rng.pick(PRACTICE_NOUNS);
  }

  private static String capitalise(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
