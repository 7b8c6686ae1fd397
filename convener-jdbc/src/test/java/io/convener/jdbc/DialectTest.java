package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DialectTest {
  @Test
  void localFileIsThePathOfAnEmbeddedDatabase() {
    assertThat(Dialect.H2.localFile("jdbc:h2:file:./data/convener;MODE=Regular")).contains(Path.of("./data/convener"));
    assertThat(Dialect.H2.localFile("jdbc:h2:./data/convener")).contains(Path.of("./data/convener"));
    assertThat(Dialect.H2.localFile("jdbc:h2:~/convener"))
        .contains(Path.of(System.getProperty("user.home") + "/convener"));
    assertThat(Dialect.H2.localFile("jdbc:h2:mem:convener")).isEmpty();
    assertThat(Dialect.H2.localFile("jdbc:h2:tcp://localhost/~/convener")).isEmpty();
    assertThat(Dialect.SQLITE.localFile("jdbc:sqlite:/var/convener.db?busy_timeout=5")).contains(Path.of("/var/convener.db"));
    assertThat(Dialect.SQLITE.localFile("jdbc:sqlite:file:data/convener.db")).contains(Path.of("data/convener.db"));
    assertThat(Dialect.POSTGRESQL.localFile("jdbc:postgresql://db/convener")).isEmpty();
  }

  @Test
  void onlyFailuresCausedByConcurrentWritersAreTransient() {
    assertThat(Dialect.isTransient(new SQLException("duplicate key", "23505"))).isTrue();
    assertThat(Dialect.isTransient(new SQLException("missing parent", "23503"))).isTrue();
    assertThat(Dialect.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(Dialect.isTransient(new SQLException("lock timeout", "HYT00"))).isTrue();
    assertThat(Dialect.isTransient(new SQLException("[SQLITE_CONSTRAINT_PRIMARYKEY]", null, 19))).isTrue();
    assertThat(Dialect.isTransient(new SQLException("syntax", "42000"))).isFalse();
    assertThat(Dialect.isTransient(new SQLException("[SQLITE_ERROR]", null, 1))).isFalse();
  }

  @Test
  void embeddedDatabasesSerialiseWrites() {
    assertThat(Dialect.SQLITE.singleWriter()).isTrue();
    assertThat(Dialect.H2.singleWriter()).isTrue();
    assertThat(Dialect.POSTGRESQL.singleWriter()).isFalse();
    assertThat(Dialect.SQLITE.connectionProperties())
        .containsEntry("journal_mode", "WAL")
        .containsEntry("foreign_keys", "true")
        .containsKey("busy_timeout");
  }
}
