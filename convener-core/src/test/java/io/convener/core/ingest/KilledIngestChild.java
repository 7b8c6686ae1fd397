package io.convener.core.ingest;

import static org.awaitility.Awaitility.await;
import com.google.inject.Guice;
import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.ingest.InputFormat;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of {@link KilledIngestTest}: ingests {@code args[2]} generated events into the
 * database at {@code args[0]} (keys in {@code args[1]}), and prints {@code COMMITTED} once the store
 * holds some of them, while the ingestion goes on, to be killed in the middle of it.
 */
public final class KilledIngestChild {
  private KilledIngestChild() {}

  public static void main(String[] args) throws InterruptedException {
    var injector = Guice.createInjector(
        new ConvenerModule(ConvenerSettings.defaults().withKeyDirectory(Path.of(args[1]))),
        new JdbcStorageModule(JdbcSettings.of(args[0])));
    Convener convener = injector.getInstance(Convener.class);
    convener.start();
    TenantId acme = TenantId.of("acme");
    Thread ingest = new Thread(() -> convener.ingest().stream(Principal.of(acme, "loader", Role.ADMIN),
        new GeneratedEvents(Long.parseLong(args[2])), InputFormat.JSON_LINES), "ingest");
    ingest.start();
    EventStore events = injector.getInstance(EventStore.class);
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
        .until(() -> events.count(acme, EventQuery.all()) >= 3_000);
    System.out.println("COMMITTED");
    System.out.flush();
    ingest.join();
    System.out.println("FINISHED");
  }
}
