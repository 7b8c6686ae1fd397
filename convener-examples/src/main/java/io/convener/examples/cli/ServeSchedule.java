package io.convener.examples.cli;

import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.core.ScheduleSettings;
import io.convener.core.ScheduledBackups;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The scheduled work of {@code convener serve}: the library's jobs, plus backups when {@code
 * --backup-dir} and {@code --backup-every} are given. The scheduler looks for due runs every 15 s,
 * or every half backup period when that is shorter (but at least every second), so that a backup is
 * never late by more than half its period.
 */
final class ServeSchedule {
  private static final Duration MIN_TICK = Duration.ofSeconds(1);

  private final @Nullable ScheduledBackups backups;

  private ServeSchedule(@Nullable ScheduledBackups backups) {
    this.backups = backups;
  }

  /** The schedule of the options; a usage error when only one of the two backup options is given. */
  static ServeSchedule of(@Nullable Path dir, @Nullable Duration every, int keep, CommandSpec spec) {
    if ((dir == null) != (every == null)) {
      throw new ParameterException(spec.commandLine(), "give --backup-dir and --backup-every together");
    }
    if (keep < 1) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--backup-keep': " + keep
          + " (keep at least 1)");
    }
    return new ServeSchedule(dir == null || every == null ? null : new ScheduledBackups(dir, every, keep));
  }

  /** The modules to install beside the defaults: these, and the backups and the tick if scheduled. */
  List<Module> modules(Module... more) {
    List<Module> modules = new ArrayList<>(List.of(more));
    if (backups != null) {
      modules.add(backups);
      Duration half = backups.every().dividedBy(2);
      ScheduleSettings defaults = ScheduleSettings.defaults();
      Duration tick = half.compareTo(defaults.tick()) < 0 ? (half.compareTo(MIN_TICK) < 0 ? MIN_TICK : half)
          : defaults.tick();
      ScheduleSettings settings = defaults.withTick(tick);
      modules.add(binder -> OptionalBinder.newOptionalBinder(binder, ScheduleSettings.class).setBinding()
          .toInstance(settings));
    }
    return modules;
  }
}
