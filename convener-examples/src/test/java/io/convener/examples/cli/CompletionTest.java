package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convener generate-completion} prints a bash/zsh completion script that bash accepts. */
class CompletionTest {
  @TempDir Path dir;

  @Test
  void printsAScriptNamingTheSubcommandsAndOptionsThatBashParses() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ConvenerCommand.run(new String[] {"generate-completion"}, new PrintWriter(out, true),
        new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    String script = out.toString();
    assertThat(script).contains("complete -F", "convener")
        .contains("champions", "metrics", "pulse", "approvals", "innovation", "generate-completion")
        .contains("--format", "--tenant", "--team", "--window");
    assertThat(script).as("the --format values").contains("(\"table\" \"json\" \"csv\") # --format values");
    Path file = Files.writeString(dir.resolve("convener_completion"), script);
    Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String complaints = new String(bash.getInputStream().readAllBytes());
    assertThat(bash.exitValue()).as(complaints).isZero();
  }

  @Test
  void isListedInTheUsage() {
    StringWriter out = new StringWriter();
    assertThat(ConvenerCommand.run(new String[] {"--help"}, new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true))).isZero();
    assertThat(out.toString()).contains("generate-completion");
  }
}
