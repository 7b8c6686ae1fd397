package io.convener.core.internal.schedule;

import static java.util.Objects.requireNonNull;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.core.ScheduleSettings;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.storage.JobLease;
import io.convener.spi.storage.JobLeaseStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link ScheduledJob} for every tenant once per period on one of the nodes that share
 * the store: each tick walks the tenants and, for each job, claims the tenant's run in the {@link
 * JobLeaseStore}; the node that wins runs it and completes it, making it due again one period after
 * it was claimed. A node that dies mid-run leaves its lease to end, and the next node to tick takes
 * the run over. One daemon thread per node, started by {@link #start()} when the settings enable
 * it; {@link #close()} lets a running job finish (it never interrupts: an interrupt closes H2's
 * file). A failed job is logged and tried again next period. Thread-safe.
 */
public final class JobScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
  private static final int PAGE = 100;
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final JobLeaseStore leases;
  private final List<ScheduledJob> jobs;
  private final ScheduleSettings settings;
  private final Clock clock;
  private final Telemetry telemetry;
  private final String owner = "node-" + UUID.randomUUID();
  private @Nullable ScheduledExecutorService timer;
  private volatile boolean closed;

  @Inject
  JobScheduler(JobLeaseStore leases, Set<ScheduledJob> jobs, ScheduleSettings settings, @ScheduleClock Clock clock,
      Telemetry telemetry) {
    this.leases = requireNonNull(leases, "leases");
    this.jobs = jobs.stream().sorted(Comparator.comparing(ScheduledJob::name)).toList();
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    this.telemetry = requireNonNull(telemetry, "telemetry");
  }

  /** Starts ticking, unless the settings disable scheduled work or it runs already. */
  public synchronized void start() {
    if (!settings.enabled() || timer != null || closed || jobs.isEmpty()) {
      return;
    }
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "convener-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    long tick = settings.tick().toMillis();
    t.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    timer = t;
  }

  /** This node's id in the leases it takes. */
  public String owner() {
    return owner;
  }

  /**
   * Runs, on the calling thread, every run due now that no other node holds: what one tick does.
   *
   * @return how many runs this node made
   * @throws StorageException when the store fails while tenants are listed or runs claimed
   */
  public int runDue() {
    int runs = 0;
    TenantId cursor = TenantId.of("0");
    boolean first = true;
    while (!closed) {
      List<TenantId> page = leases.tenants(cursor, PAGE);
      for (TenantId tenant : page) {
        if (!first && tenant.equals(cursor)) {
          continue;
        }
        for (ScheduledJob job : jobs) {
          if (closed) {
            return runs;
          }
          runs += runIfDue(tenant, job) ? 1 : 0;
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      cursor = page.get(page.size() - 1);
      first = false;
    }
    return runs;
  }

  /** Claims, runs and completes one tenant's run of the job; false when it was not due or not ours. */
  private boolean runIfDue(TenantId tenant, ScheduledJob job) {
    Instant now = clock.instant();
    Optional<JobLease> lease = leases.claim(tenant, job.name(), owner, now, settings.lease());
    if (lease.isEmpty()) {
      return false;
    }
    Span span = telemetry.startRun(job.name(), tenant);
    boolean ok = false;
    try (Scope ignored = span.makeCurrent()) {
      job.run(tenant, now);
      ok = true;
    } catch (RuntimeException e) {
      LOG.warn("scheduled job {} failed for tenant {}; it runs again next period: {}", job.name(), tenant.value(),
          e.toString());
    } finally {
      telemetry.endRun(span, job.name(), ok);
    }
    if (!leases.complete(tenant, lease.get(), clock.instant(), now.plus(job.period(settings)))) {
      LOG.warn("scheduled job {} of tenant {} outlived its lease of {}; another node took it over", job.name(),
          tenant.value(), settings.lease());
    }
    return true;
  }

  private void tick() {
    try {
      runDue();
    } catch (RuntimeException e) {
      LOG.warn("scheduled work could not run this tick; trying again next tick: {}", e.toString());
    }
  }

  /** Stops ticking and waits for a running job to finish (up to 30 s), without interrupting it. */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      closed = true;
      t = timer;
      timer = null;
    }
    if (t == null) {
      return;
    }
    t.shutdown();
    try {
      if (!t.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("a scheduled job is still running after {} s; its lease lets another node take it over",
            CLOSE_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
