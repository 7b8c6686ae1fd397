package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code convener X --help} exits 0 with X's usage for every command and subcommand (issue 17). */
class HelpEverywhereTest {
  /** Every command path below the root, such as {@code [innovation, candidates]}. */
  static List<List<String>> commands() {
    List<List<String>> out = new ArrayList<>();
    collect(new CommandLine(new ConvenerCommand()), new ArrayList<>(), out);
    return out;
  }

  private static void collect(CommandLine c, List<String> path, List<List<String>> out) {
    c.getSubcommands().forEach((name, sub) -> {
      if (name.equals("help") || !sub.getCommandName().equals(name)) {
        return; // the help command itself, and aliases
      }
      List<String> next = new ArrayList<>(path);
      next.add(name);
      out.add(next);
      collect(sub, next, out);
    });
  }

  @ParameterizedTest(name = "convener {0} --help")
  @MethodSource("commands")
  void helpExitsZeroWithTheUsage(List<String> path) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    int code = ConvenerCommand.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as("%s; stderr: %s", path, err).isZero();
    assertThat(out.toString()).as("%s", path).contains("Usage:").contains(path.get(path.size() - 1));
  }

  @org.junit.jupiter.api.Test
  void everyTopLevelCommandIsListed() {
    assertThat(commands()).extracting(p -> p.get(0)).contains("serve", "champions", "pulse", "provenance", "metrics",
        "demo", "innovation", "approvals", "backup", "restore", "graph", "report", "witness");
  }
}
