package io.convener.testing.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.model.Event;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same settings give byte-identical output; other settings give other output. */
class DeterminismTest {
  private static byte[] jsonLines(SyntheticOrganisation settings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesWriter w = JsonLinesWriter.to(out)) {
      w.writeAll(settings.generate());
    }
    return out.toByteArray();
  }

  @Test
  void sameSeedGivesIdenticalBytes() {
    SyntheticOrganisation settings = SyntheticOrganisation.builder().seed(7).build();
    byte[] first = jsonLines(settings);
    byte[] second = jsonLines(SyntheticOrganisation.builder().seed(7).build());
    assertThat(first.length).isGreaterThan(1_000_000);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void differentSeedGivesDifferentOrganisation() {
    GeneratedOrganisation a = SyntheticOrganisation.builder().seed(1).members(60).weeks(4).build().generate();
    GeneratedOrganisation b = SyntheticOrganisation.builder().seed(2).members(60).weeks(4).build().generate();
    assertThat(a.members()).isNotEqualTo(b.members());
    assertThat(Fixtures.materialise(a)).isNotEqualTo(Fixtures.materialise(b));
  }

  @Test
  void otherSettingsChangeTheOutput() {
    SyntheticOrganisation base = SyntheticOrganisation.builder().members(60).weeks(4).build();
    SyntheticOrganisation later = SyntheticOrganisation.builder().members(60).weeks(4)
        .end(Instant.parse("2027-01-01T00:00:00Z")).build();
    assertThat(jsonLines(later)).isNotEqualTo(jsonLines(base));
  }

  @Test
  void everyRunIsIndependentAndRepeatable() {
    GeneratedOrganisation org = SyntheticOrganisation.builder().members(80).weeks(6).build().generate();
    List<Event> whole = Fixtures.materialise(org);
    Iterator<Event> a = org.eventIterator();
    Iterator<Event> b = org.eventIterator();
    int n = 0;
    while (a.hasNext()) {
      Event x = a.next();
      assertThat(b.hasNext()).isTrue();
      assertThat(b.next()).isEqualTo(x).isEqualTo(whole.get(n++));
    }
    assertThat(b.hasNext()).isFalse();
    assertThat(n).isEqualTo(whole.size());
    assertThat(org.events().toList()).isEqualTo(whole);
  }

  @Test
  void structureIsRepeatable() {
    GeneratedOrganisation a = SyntheticOrganisation.builder().seed(99).build().generate();
    GeneratedOrganisation b = SyntheticOrganisation.builder().seed(99).build().generate();
    assertThat(b.members()).isEqualTo(a.members());
    assertThat(b.teams()).isEqualTo(a.teams());
    assertThat(b.cohorts()).isEqualTo(a.cohorts());
    assertThat(b.connectors()).isEqualTo(a.connectors());
    assertThat(b.fadingMembers()).isEqualTo(a.fadingMembers());
  }
}
