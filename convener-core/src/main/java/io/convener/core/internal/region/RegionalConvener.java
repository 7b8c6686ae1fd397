package io.convener.core.internal.region;

import static java.util.Objects.requireNonNull;

import io.convener.api.Convener;
import io.convener.api.TenantId;
import io.convener.api.approval.ApprovalService;
import io.convener.api.feedback.FeedbackService;
import io.convener.api.backup.Backups;
import io.convener.api.champion.ChampionDiscovery;
import io.convener.api.consent.ConsentGate;
import io.convener.api.ingest.IngestService;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.learning.LearningCatalyst;
import io.convener.api.notify.Notifier;
import io.convener.api.profile.ProfileService;
import io.convener.api.provenance.CheckpointWebhooks;
import io.convener.api.provenance.ProvenanceLog;
import io.convener.api.pulse.PulseAggregator;
import io.convener.api.replay.Replays;
import io.convener.spi.storage.RegionPinStore;
import io.convener.spi.storage.TenantStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Convener over several regions: a runtime per region (its own store, caches and relay), and
 * services that route each call to the runtime of the tenant of its principal. Calls about no
 * tenant ({@link #isReady}, {@link #start}, {@link #close}) go to every region. Thread-safe.
 */
public final class RegionalConvener implements Convener {
  private final RegionRouter router;
  private final IngestService ingest;
  private final ConsentGate consent;
  private final ProfileService profiles;
  private final ProvenanceLog provenance;
  private final CheckpointWebhooks checkpointWebhooks;
  private final ApprovalService approvals;
  private final FeedbackService feedback;
  private final LearningCatalyst learning;
  private final InnovationSpread innovation;
  private final PulseAggregator pulse;
  private final ChampionDiscovery champions;
  private final Notifier notifier;
  private final Replays replays;
  private final Backups backups;

  private RegionalConvener(RegionRouter router) {
    this.router = router;
    this.ingest = RoutedService.of(IngestService.class, router, Convener::ingest);
    this.consent = RoutedService.of(ConsentGate.class, router, Convener::consent);
    this.profiles = RoutedService.of(ProfileService.class, router, Convener::profiles);
    this.provenance = RoutedService.of(ProvenanceLog.class, router, Convener::provenance);
    this.checkpointWebhooks = RoutedService.of(CheckpointWebhooks.class, router, Convener::checkpointWebhooks);
    this.approvals = RoutedService.of(ApprovalService.class, router, Convener::approvals);
    this.feedback = RoutedService.of(FeedbackService.class, router, Convener::feedback);
    this.learning = RoutedService.of(LearningCatalyst.class, router, Convener::learning);
    this.innovation = new RegionalInnovationSpread(router,
        RoutedService.of(InnovationSpread.class, router, Convener::innovation));
    this.pulse = RoutedService.of(PulseAggregator.class, router, Convener::pulse);
    this.champions = RoutedService.of(ChampionDiscovery.class, router, Convener::champions);
    this.notifier = RoutedService.of(Notifier.class, router, Convener::notifier);
    this.replays = RoutedService.of(Replays.class, router, Convener::replays);
    this.backups = new RegionalBackups(router);
  }

  /** One region to route to: a started runtime on the region's database and two of its stores. */
  public record Region(String name, Convener convener, RegionPinStore pins, TenantStore tenants) {
    /** Validates. */
    public Region {
      requireNonNull(name, "name");
      requireNonNull(convener, "convener");
      requireNonNull(pins, "pins");
      requireNonNull(tenants, "tenants");
    }
  }

  /**
   * A Convener over the given regions; closing it closes each region's runtime.
   *
   * @param regions the started runtimes, at least one, names unique
   * @param assignments each assigned tenant's region; a tenant without one goes to the region whose
   *     database has it pinned, and is refused when none has
   * @throws IllegalArgumentException when no region is given, a name repeats, or an assignment
   *     names a region that is not given
   */
  public static Convener of(List<Region> regions, Map<TenantId, String> assignments) {
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("at least one region is needed");
    }
    return new RegionalConvener(new RegionRouter(regions, assignments));
  }

  @Override
  public void start() {
    router.regions().forEach(r -> r.convener().start());
  }

  @Override
  public IngestService ingest() {
    return ingest;
  }

  @Override
  public ConsentGate consent() {
    return consent;
  }

  @Override
  public ProfileService profiles() {
    return profiles;
  }

  @Override
  public ProvenanceLog provenance() {
    return provenance;
  }

  @Override
  public CheckpointWebhooks checkpointWebhooks() {
    return checkpointWebhooks;
  }

  @Override
  public ApprovalService approvals() {
    return approvals;
  }

  @Override
  public FeedbackService feedback() {
    return feedback;
  }

  @Override
  public LearningCatalyst learning() {
    return learning;
  }

  @Override
  public InnovationSpread innovation() {
    return innovation;
  }

  @Override
  public PulseAggregator pulse() {
    return pulse;
  }

  @Override
  public ChampionDiscovery champions() {
    return champions;
  }

  @Override
  public Notifier notifier() {
    return notifier;
  }

  @Override
  public Replays replays() {
    return replays;
  }

  @Override
  public Backups backups() {
    return backups;
  }

  /** Whether every region's store answers; the regions share {@code timeout} between them. */
  @Override
  public boolean isReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Region r : router.regions()) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!r.convener().isReady(left)) {
        return false;
      }
    }
    return true;
  }

  /** Closes every region's runtime, each even when another fails; rethrows the first failure. */
  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (Region r : router.regions()) {
      try {
        r.convener().close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
