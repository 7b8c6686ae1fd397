package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;

import com.google.inject.multibindings.Multibinder;
import io.convener.api.TenantId;
import io.convener.api.notify.Notification;
import io.convener.spi.notify.NotificationChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of {@link KilledRelayIT}: a node on the given database whose channel hangs in
 * its first delivery. It drains the tenant once, which claims every due message for a lease of
 * {@value #LEASE_SECONDS} s, says {@code HOLDING} on standard output from inside that delivery, and
 * hangs there until it is killed.
 */
public final class KilledRelayChild {
  static final int LEASE_SECONDS = 2;

  private KilledRelayChild() {}

  public static void main(String[] args) {
    NotificationChannel hangs = new NotificationChannel() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public boolean interrupting() {
        return true;
      }

      @Override
      public void deliver(TenantId tenant, Notification notification) {
        System.out.println("HOLDING");
        System.out.flush();
        while (true) {
          try {
            new java.util.concurrent.CountDownLatch(1).await(); // never counted down: holds until killed
          } catch (InterruptedException ignored) {
            // keep holding until killed
          }
        }
      }
    };
    NotifySettings settings = NotifySettings.defaults().manual().withLease(Duration.ofSeconds(LEASE_SECONDS));
    // The fixture's own channel gets another name; the parent's channel "test" is the one that hangs here.
    NotifyFixture node = new NotifyFixture(args[0], Path.of(args[1]), settings, new RecordingChannel("other", false),
        binder -> Multibinder.newSetBinder(binder, NotificationChannel.class).addBinding().toInstance(hangs));
    node.drain(ACME);
  }
}
