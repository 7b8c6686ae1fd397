package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.RiskFlag;
import io.convener.api.pulse.RiskKind;
import io.convener.core.Conveners;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.SyntheticOrganisation;
import io.convener.testing.synthetic.SyntheticTeam;
import io.convener.testing.synthetic.TeamProfile.Trend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pulse rediscovers what the synthetic organisation was designed with: its declining teams
 * drop in engagement and its steady teams do not and have nobody silent; in the teams that lose
 * members, exactly the members the generator silenced before the window are flagged silent (a
 * declining team may also silence a member for real).
 */
class SyntheticGroundTruthTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);

  @Test
  void declineAndSilenceAreFoundWhereTheyWerePlanted() {
    GeneratedOrganisation org = SyntheticOrganisation.builder().seed(42).members(200).weeks(12).build().generate();
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:truth-" + UUID.randomUUID()).build()) {
      c.ingest().submit(ADMIN, org.members(), org.events().toList());
      Instant asOf = org.end();
      Instant windowStart = asOf.minus(PulseRequest.DEFAULT_WINDOW);
      List<String> declining = new ArrayList<>();
      for (SyntheticTeam team : org.teams()) {
        PulseReport r = c.pulse().report(ADMIN, PulseRequest.of(PulseScope.team(team.id()), asOf));
        if (r.isSuppressed()) {
          continue;
        }
        boolean dropped = !r.risks(RiskKind.ENGAGEMENT_DROP).isEmpty();
        if (team.profile().trend() == Trend.DECLINING) {
          declining.add(team.id().value());
          assertThat(dropped).as("declining team %s", team.id()).isTrue();
        } else if (team.profile().trend() == Trend.STEADY) {
          assertThat(dropped).as("steady team %s", team.id()).isFalse();
          assertThat(r.risks(RiskKind.SILENT_MEMBER)).as("steady team %s", team.id()).isEmpty();
        }
        int flagged = 0;
        for (RiskFlag f : r.risks(RiskKind.SILENT_MEMBER)) {
          flagged += f.count();
          if (f.member().isPresent() && team.profile().trend() != Trend.DECLINING) {
            // Outside a declining team (where fading activity silences some for real), only the planted ones.
            MemberId m = f.member().get().value();
            assertThat(org.fadingMembers()).as("silent %s of %s", m, team.id()).containsKey(m);
          }
        }
        long planted = team.members().stream()
            .filter(m -> org.fadingMembers().containsKey(m) && !org.fadingMembers().get(m).isAfter(windowStart))
            .count();
        assertThat(flagged).as("silent members found in %s", team.id()).isGreaterThanOrEqualTo((int) planted);
        if (team.profile().trend() == Trend.LOSING_MEMBERS) {
          assertThat(flagged).as("silent members found in %s", team.id()).isEqualTo((int) planted);
        }
      }
      assertThat(declining).isNotEmpty();
    }
  }
}
