package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convener settings} and {@code convener watchers}: each shows the state, changes only
 * what it names, prints the state after the change (as the {@code /v1/admin} documents with {@code
 * --format json}), leaves one provenance entry per change, and refuses bad values as usage errors.
 */
class SettingsCommandsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new ArrayList<>(List.of("--db", "jdbc:h2:file:" + dir.resolve("db"), "--tenant", "acme"));
    all.addAll(List.of(args));
    return ConvenerCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  private int entries(String activity) throws Exception {
    assertThat(run("--format", "json", "provenance", "--activity", activity)).as(err.toString()).isZero();
    return json().get("events").size();
  }

  @Test
  void theConsentPolicyIsShownAndChangedPurposeByPurpose() throws Exception {
    assertThat(run("settings", "consent-policy")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("enabled", "champion.recommendation", "notification.direct")
        .doesNotContain("host.analytics");

    assertThat(run("--format", "json", "settings", "consent-policy", "--enable", "host.analytics",
        "--disable", "profile.share")).as(err.toString()).isZero();
    List<String> enabled = new ArrayList<>();
    json().get("enabled").forEach(p -> enabled.add(p.asText()));
    assertThat(enabled).containsExactly("champion.recommendation", "host.analytics", "innovation.attribution",
        "learning.attribution", "notification.direct", "pulse.individual");
    assertThat(entries("consent.policy")).isEqualTo(1);

    assertThat(run("settings", "consent-policy", "--enable", "champion.*")).isEqualTo(2);
    assertThat(err.toString()).contains("--enable").doesNotContain("Exception");
    assertThat(run("settings", "consent-policy", "--enable", "a.b", "--disable", "a.b")).isEqualTo(2);
    assertThat(entries("consent.policy")).as("refused before any call").isEqualTo(1);
  }

  @Test
  void pulseAndChampionSettingsChangeOnlyWhatIsNamed() throws Exception {
    assertThat(run("--format", "json", "settings", "pulse", "--set", "minGroupSize=7", "--set", "engagementDrop=0.25"))
        .as(err.toString()).isZero();
    JsonNode pulse = json();
    assertThat(pulse.get("minGroupSize").asInt()).isEqualTo(7);
    assertThat(pulse.get("engagementDrop").asDouble()).isEqualTo(0.25);
    assertThat(pulse.get("silentAfterEvents").asInt()).as("unchanged default").isEqualTo(3);
    assertThat(run("settings", "pulse")).isZero();
    assertThat(out.toString()).containsPattern("minGroupSize\\s+7").containsPattern("engagementDrop\\s+0.25");

    assertThat(run("--format", "json", "settings", "champions", "--weight", "influence=0.5", "--exclude", "bot-1,bot-2",
        "--threshold", "repeatDecay=0.7")).as(err.toString()).isZero();
    assertThat(run("--format", "json", "settings", "champions", "--include", "bot-2")).as(err.toString()).isZero();
    JsonNode champions = json();
    assertThat(champions.at("/weights/influence").asDouble()).isEqualTo(0.5);
    assertThat(champions.at("/weights/brokerage").asDouble()).isEqualTo(0.2);
    assertThat(champions.get("excluded").toString()).isEqualTo("[\"bot-1\"]");
    assertThat(champions.at("/thresholds/repeatDecay").asDouble()).isEqualTo(0.7);
    assertThat(entries("pulse.configure")).isEqualTo(1);
    assertThat(entries("champion.configure")).isEqualTo(2);
  }

  @Test
  void outOfRangeOrUnknownSettingsAreUsageErrorsThatChangeNothing() throws Exception {
    for (String[] bad : List.of(
        new String[] {"settings", "pulse", "--set", "minGroupSize=2"},
        new String[] {"settings", "pulse", "--set", "minGroupSize=5.5"},
        new String[] {"settings", "pulse", "--set", "minGroupsize=5"},
        new String[] {"settings", "pulse", "--set", "engagementDrop=NaN"},
        new String[] {"settings", "champions", "--threshold", "repeatDecay=0"},
        new String[] {"settings", "champions", "--weight", "Influence=1"},
        new String[] {"settings", "champions", "--weight", "influence=-1"})) {
      assertThat(run(bad)).as(String.join(" ", bad)).isEqualTo(2);
      assertThat(err.toString()).as(String.join(" ", bad)).startsWith("convener: Invalid value for option")
          .doesNotContain("Exception");
    }
    assertThat(entries("pulse.configure")).isZero();
    assertThat(entries("champion.configure")).isZero();
    assertThat(run("settings")).isEqualTo(2);
  }

  @Test
  void watchersAreListedAddedAndRemovedPerScope() throws Exception {
    Path members = dir.resolve("members.jsonl");
    Files.writeString(members, "{\"type\":\"member\",\"id\":\"ana\"}\n{\"type\":\"member\",\"id\":\"ben\"}\n");
    assertThat(run("ingest", members.toString())).as(err.toString()).isZero();

    assertThat(run("watchers", "list")).isZero();
    assertThat(out.toString()).contains("no watchers");
    assertThat(run("--format", "json", "watchers", "add", "--team", "platform", "--member", "ben,ana"))
        .as(err.toString()).isZero();
    assertThat(json().toString()).isEqualTo("{\"watchers\":[{\"scope\":\"team:platform\",\"members\":[\"ana\",\"ben\"]}]}");
    assertThat(run("watchers", "add", "--whole-tenant", "--member", "ana")).as(err.toString()).isZero();
    assertThat(run("watchers", "remove", "--team", "platform", "--member", "ben")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("team:platform", "ana").doesNotContain("ben");
    assertThat(run("watchers", "list")).isZero();
    assertThat(out.toString().lines().toList()).hasSize(2).anySatisfy(l -> assertThat(l).startsWith("tenant"));

    assertThat(run("watchers", "add", "--team", "platform", "--member", "ghost")).isEqualTo(2);
    assertThat(err.toString()).contains("ghost").doesNotContain("Exception");
    assertThat(run("watchers", "add", "--member", "ana")).isEqualTo(2);
    assertThat(run("watchers", "add", "--team", "platform", "--org", "eng", "--member", "ana")).isEqualTo(2);
    assertThat(entries("pulse.watch")).as("two added, one failed").isEqualTo(3);
    assertThat(entries("pulse.unwatch")).isEqualTo(1);
  }
}
