package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's per-tenant quota becomes 429 with Retry-After and problem details; other tenants are not affected. */
class RateLimitTest {
  @Test
  void aTenantOverItsQuotaGets429WithRetryAfter(@TempDir Path dir) {
    ConvenerSettings settings = ConvenerSettings.defaults().withRateLimits(
        RateLimits.defaults().with("provenance.verify", new RateLimits.Quota(2, Duration.ofHours(1))));
    try (Convener convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath())
        .inMemoryKeys().settings(settings).build()) {
      ConvenerHttpServer server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
      try {
        Client client = new Client(server.uri());
        String acme = Tokens.token("acme", "ops", "admin");
        assertThat(client.get("/v1/provenance/verify", acme).status()).isEqualTo(200);
        assertThat(client.get("/v1/provenance/verify", acme).status()).isEqualTo(200);
        Client.Reply limited = client.get("/v1/provenance/verify", acme);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(limited.json().get("code").asText()).isEqualTo("rate_limited");
        assertThat(client.get("/v1/provenance/verify", Tokens.token("globex", "ops", "admin")).status()).isEqualTo(200);
      } finally {
        server.close();
      }
    }
  }
}
