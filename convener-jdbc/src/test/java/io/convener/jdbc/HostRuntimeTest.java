package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a host that takes convener-jdbc gets at run time: Maven's own resolution of the runtime
 * scope ({@code maven-dependency-plugin:list}, written to {@code target/host-runtime.txt} before
 * the tests), without the optional dependencies, which do not pass on. H2 and Flyway's core come
 * with the store; the SQLite and PostgreSQL drivers and Flyway's database plugins are the host's.
 */
class HostRuntimeTest {
  private static final List<String> FORBIDDEN = List.of(
      "org.xerial:", "org.postgresql:", "org.flywaydb:flyway-database-",
      "com.nimbusds:", "com.google.crypto.tink:",
      "org.junit", "org.assertj:", "org.awaitility:", "net.jqwik:", "org.mockito:", "org.hamcrest:", "org.opentest4j:",
      "org.slf4j:slf4j-simple", "org.slf4j:slf4j-nop", "org.slf4j:slf4j-jdk14", "org.slf4j:slf4j-reload4j",
      "ch.qos.logback:", "org.apache.logging.log4j:log4j-core", "org.apache.logging.log4j:log4j-slf4j");

  private static final Pattern LINE = Pattern.compile("^\\s+([\\w.-]+):([\\w.-]+):[^ ]*:[^ ]+:(\\w+)(.*)$");

  @Test
  void aHostOfJdbcGetsH2ButNoOtherDriverNoTestLibraryAndNoLoggingBackend() throws IOException {
    Path listing = Path.of("target", "host-runtime.txt");
    assertThat(listing).as("written by maven-dependency-plugin:list in generate-test-resources; run the test through Maven")
        .exists();
    List<String> lines = Files.readAllLines(listing);
    List<String> host = lines.stream().map(LINE::matcher).filter(Matcher::matches)
        .filter(m -> !m.group(4).contains("(optional)")).map(m -> m.group(1) + ":" + m.group(2)).toList();
    List<String> optional = lines.stream().map(LINE::matcher).filter(Matcher::matches)
        .filter(m -> m.group(4).contains("(optional)")).map(m -> m.group(1) + ":" + m.group(2)).toList();
    assertThat(host).as("what a host of convener-jdbc gets at run time")
        .contains("com.h2database:h2", "org.flywaydb:flyway-core")
        .noneMatch(dependency -> FORBIDDEN.stream().anyMatch(dependency::startsWith));
    assertThat(optional).as("the drivers this module leaves to the host")
        .contains("org.xerial:sqlite-jdbc", "org.postgresql:postgresql", "org.flywaydb:flyway-database-postgresql");
  }
}
