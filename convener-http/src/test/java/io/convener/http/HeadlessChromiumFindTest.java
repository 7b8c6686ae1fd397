package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the browser harness finds its binaries, tested without a browser. */
class HeadlessChromiumFindTest {
  private static final String UNSET = "CONVENER_TEST_VARIABLE_THAT_IS_NEVER_SET";

  @Test
  void findsTheFirstExecutableOfTheGivenPaths(@TempDir Path dir) throws Exception {
    Path plain = Files.writeString(dir.resolve("plain"), "not executable");
    Path tool = Files.writeString(dir.resolve("tool"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(HeadlessChromium.find(UNSET, List.of("convener-no-such-browser"),
        List.of(dir.resolve("absent").toString(), plain.toString(), tool.toString()))).contains(tool);
  }

  @Test
  void findsNothingWhereNothingIsInstalled(@TempDir Path dir) {
    assertThat(HeadlessChromium.find(UNSET, List.of("convener-no-such-browser"),
        List.of(dir.resolve("chromium").toString(), dir.toString()))).isEmpty();
  }
}
