package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseSettings;
import io.convener.core.Conveners;
import io.convener.jdbc.JdbcSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulse settings saved by one process count in another on the same store from its next request,
 * also when that process had read the tenant's settings before.
 */
class SettingsAcrossProcessesTest {
  private static final Principal ADMIN = Principal.of(TenantId.of("acme"), "admin", Role.ADMIN);

  @Test
  void anotherProcessSeesSavedSettingsOnItsNextRequest(@TempDir Path dir) {
    JdbcSettings file = JdbcSettings.sqlite(dir.resolve("shared.db"));
    try (Convener a = Conveners.builder().database(file).inMemoryKeys().build();
        Convener b = Conveners.builder().database(file).inMemoryKeys().build()) {
      assertThat(b.pulse().settings(ADMIN)).isEqualTo(PulseSettings.defaults());
      a.pulse().configure(ADMIN, PulseSettings.builder().minGroupSize(7).silentAfterEvents(4).build());
      PulseSettings seen = b.pulse().settings(ADMIN);
      assertThat(seen.minGroupSize()).isEqualTo(7);
      assertThat(seen.silentAfterEvents()).isEqualTo(4);
    }
  }
}
