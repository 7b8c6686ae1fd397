package io.convener.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a host that takes convener-core gets at run time: Maven's own resolution of the runtime
 * scope ({@code maven-dependency-plugin:list}, written to {@code target/host-runtime.txt} before
 * the tests), checked against the libraries a host must never get from it. Storage, drivers and
 * JWT verification are other modules; tests and logging backends are the host's.
 */
class HostRuntimeTest {
  /** Group or group:artifact prefixes that must not reach a host of convener-core. */
  static final List<String> FORBIDDEN = List.of(
      // Storage and its drivers: convener-jdbc, chosen by the host.
      "io.convener:convener-jdbc", "com.h2database:", "org.xerial:", "org.postgresql:", "org.flywaydb:",
      "org.jdbi:", "com.zaxxer:",
      // JWT: convener-http.
      "com.nimbusds:", "com.google.crypto.tink:",
      // Test libraries.
      "org.junit", "org.assertj:", "org.awaitility:", "net.jqwik:", "org.mockito:", "org.hamcrest:",
      "org.opentest4j:", "io.opentelemetry:opentelemetry-sdk",
      // Logging backends: the host's choice behind SLF4J.
      "org.slf4j:slf4j-simple", "org.slf4j:slf4j-nop", "org.slf4j:slf4j-jdk14", "org.slf4j:slf4j-reload4j",
      "ch.qos.logback:", "org.apache.logging.log4j:log4j-core", "org.apache.logging.log4j:log4j-slf4j");

  private static final Pattern LINE = Pattern.compile("^\\s+([\\w.-]+):([\\w.-]+):[^ ]*:[^ ]+:(\\w+)(.*)$");

  @Test
  void aHostOfCoreGetsNoStoreNoDriverNoJwtNoTestLibraryAndNoLoggingBackend() throws IOException {
    List<String> runtime = hostRuntime(Path.of("target", "host-runtime.txt"));
    assertThat(runtime).as("runtime dependencies read").contains("com.google.inject:guice", "org.slf4j:slf4j-api");
    assertThat(runtime).as("what a host of convener-core gets at run time")
        .noneMatch(dependency -> FORBIDDEN.stream().anyMatch(dependency::startsWith));
  }

  @Test
  void guavaIsAtAVersionWithoutTheKnownCves() throws IOException {
    String listed = Files.readString(Path.of("target", "host-runtime.txt"));
    Matcher guava = Pattern.compile("com\\.google\\.guava:guava:jar:(\\d+)\\.").matcher(listed);
    assertThat(guava.find()).as("Guava on the runtime class path").isTrue();
    assertThat(Integer.parseInt(guava.group(1))).as("Guava major version (CVE-2023-2976 fixed in 32)").isGreaterThanOrEqualTo(32);
  }

  /**
   * {@code group:artifact} of each dependency a host gets: the listed ones, without those marked
   * optional (they do not pass on to a host).
   */
  static List<String> hostRuntime(Path listing) throws IOException {
    assertThat(listing).as("written by maven-dependency-plugin:list in generate-test-resources; run the test through Maven")
        .exists();
    return Files.readAllLines(listing).stream()
        .map(LINE::matcher)
        .filter(Matcher::matches)
        .filter(m -> !m.group(4).contains("(optional)"))
        .map(m -> m.group(1) + ":" + m.group(2))
        .toList();
  }
}
