package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A team, cohort, org unit or id the tenant does not have is a usage error, as docs/cli.md says:
 * exit 2 and one line on stderr naming it, for every command that takes one; the same command
 * with a name the tenant has exits 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownNamesTest {
  static final String DATA = """
      {"type":"member","id":"ana","teams":["core"],"cohorts":["2025"],"org":"eng/core"}
      {"type":"member","id":"bo","teams":["core"],"cohorts":["2025"],"org":"eng/core"}
      {"id":"e1","at":"2026-10-20T09:00:00Z","kind":"reply","actor":"ana","targets":["bo"],"team":"core"}
      {"id":"o1","at":"2026-10-21T09:00:00Z","kind":"outcome","actor":"bo","team":"core","attrs":{"value":1}}
      {"id":"i1","at":"2026-10-22T09:00:00Z","kind":"innovation","actor":"ana","team":"core"}
      """;

  @TempDir static Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  int run(List<String> args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new ArrayList<>(List.of("--db", "jdbc:h2:file:" + dir.resolve("db"), "--tenant", "acme",
        "--as-of", "2026-11-01T00:00:00Z"));
    all.addAll(args);
    return ConvenerCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @BeforeAll
  void ingest() throws Exception {
    Path file = Files.writeString(dir.resolve("data.jsonl"), DATA);
    assertThat(run(List.of("ingest", file.toString()))).as(err.toString()).isZero();
  }

  /** A command naming something unknown, the name the error must mention, and the command with a known name. */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("pulse --team no-such-team", "no-such-team", "pulse --team core"),
        Arguments.of("pulse --cohort no-such-cohort", "no-such-cohort", "pulse --cohort 2025"),
        Arguments.of("pulse --org eng/nowhere", "eng/nowhere", "pulse --org eng"),
        Arguments.of("pulse --team no-such-team --series 2", "no-such-team", "pulse --team core --series 2"),
        Arguments.of("champions --team no-such-team", "no-such-team", "champions --team core"),
        Arguments.of("champions --cohort no-such-cohort", "no-such-cohort", "champions --cohort 2025"),
        Arguments.of("champions --org eng/nowhere", "eng/nowhere", "champions --org eng/core"),
        Arguments.of("collaborators --team no-such-team", "no-such-team", "collaborators --team core"),
        Arguments.of("innovation spread no-such-innovation", "no-such-innovation", "innovation spread i1"),
        Arguments.of("learning attribute --outcome no-such-outcome", "no-such-outcome", "learning attribute --outcome o1"),
        Arguments.of("learning plan --team no-such-team", "no-such-team", "learning plan --team core"),
        Arguments.of("learning plan --member no-such-member", "no-such-member", "learning plan --team core"),
        Arguments.of("approvals decide no-such-approval --approve", "no-such-approval", "approvals list"),
        Arguments.of("approvals request --subject no-such-member --purpose profile.share --scope x", "no-such-member",
            "approvals list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void anUnknownNameExitsTwoWithOneLineNamingIt(String unknown, String name, String known) {
    assertThat(run(List.of(unknown.split(" ")))).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).startsWith("convener: ").contains(name).hasLineCount(1);
    assertThat(out.toString()).isEmpty();
    assertThat(run(List.of(known.split(" ")))).as(err.toString()).isZero();
  }
}
