package io.convener.examples.cli;

import io.convener.api.CohortId;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.Principal;
import io.convener.api.TeamId;
import io.convener.api.pulse.PulseAggregator;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.ScopeWatchers;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.SettingsShapes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener watchers (list|add|remove) [--team T | --cohort C | --org PATH | --whole-tenant]
 * [--member M]...}: who is told of a pulse scope's risks. Each watcher is told only while they
 * consent to {@code notification.direct}, which the tenant's consent policy must enable ({@code
 * convener settings consent-policy --enable notification.direct}). Each call passes the choke point
 * and leaves one provenance entry.
 */
@Command(
    name = "watchers",
    mixinStandardHelpOptions = true,
    description = {
      "List, add or remove the members told of a pulse scope's risks.",
      "list shows every watched scope, or one; add and remove need a scope and --member.",
      "A watcher is told only while they consent to notification.direct."
    })
final class WatchersCommand implements Callable<Integer>, Tabular {
  /** The three actions. */
  enum Action { list, add, remove }

  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "list|add|remove", description = "What to do")
  Action action;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  @Nullable Scope scope;

  /** At most one scope. */
  static final class Scope {
    @Option(names = "--team", paramLabel = "T", required = true, description = "A team")
    @Nullable String team;

    @Option(names = "--cohort", paramLabel = "C", required = true, description = "A cohort")
    @Nullable String cohort;

    @Option(names = "--org", paramLabel = "PATH", required = true, description = "An org unit and every unit beneath it")
    @Nullable String org;

    @Option(names = "--whole-tenant", required = true, description = "Every member of the tenant")
    boolean tenant;
  }

  @Option(names = "--member", split = ",", paramLabel = "M", description = "A member to add or remove (repeatable)")
  List<String> members = new ArrayList<>();

  @Override
  public Integer call() {
    Principal operator = GlobalOptions.operator(root.options.requireTenant(spec));
    Optional<PulseScope> only = scope();
    if (action != Action.list && (only.isEmpty() || members.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "watchers " + action
          + " needs a scope (--team, --cohort, --org or --whole-tenant) and at least one --member");
    }
    if (action == Action.list && !members.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "watchers list takes no --member");
    }
    List<MemberId> ids = members();
    List<ScopeWatchers> lists;
    try (Convener convener = Stores.open(root.options, spec)) {
      PulseAggregator pulse = convener.pulse();
      lists = switch (action) {
        case list -> only.map(s -> List.of(pulse.watchers(operator, s))).orElseGet(() -> pulse.watchers(operator));
        case add -> List.of(pulse.watch(operator, only.orElseThrow(), ids));
        case remove -> List.of(pulse.unwatch(operator, only.orElseThrow(), ids));
      };
    }
    print(spec.commandLine().getOut(), lists);
    return ConvenerCommand.OK;
  }

  private Optional<PulseScope> scope() {
    Scope s = scope;
    if (s == null) {
      return Optional.empty();
    }
    try {
      if (s.team != null) {
        return Optional.of(PulseScope.team(TeamId.of(s.team)));
      }
      if (s.cohort != null) {
        return Optional.of(PulseScope.cohort(CohortId.of(s.cohort)));
      }
      return Optional.of(s.org != null ? PulseScope.org(OrgUnit.of(s.org)) : PulseScope.tenant());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid scope: " + e.getMessage());
    }
  }

  private List<MemberId> members() {
    List<MemberId> ids = new ArrayList<>();
    for (String m : members) {
      try {
        ids.add(MemberId.of(m.strip()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "Invalid value for option '--member': " + e.getMessage());
      }
    }
    return ids;
  }

  private void print(PrintWriter out, List<ScopeWatchers> lists) {
    if (root.options.json()) {
      Json.print(out, SettingsShapes.json(lists));
      return;
    }
    if (root.options.csv()) {
      Table t = new Table(Column.text("scope"), Column.text("member"));
      lists.forEach(w -> w.members().forEach(m -> t.row(w.scope().wireName(), m.value())));
      t.print(out, root.options.format);
      return;
    }
    if (lists.stream().allMatch(w -> w.members().isEmpty())) {
      out.println("no watchers");
    }
    for (ScopeWatchers w : lists) {
      if (!w.members().isEmpty()) {
        out.printf("%-30s %s%n", w.scope().wireName(), String.join(", ", w.members().stream().map(MemberId::value).toList()));
      }
    }
    out.flush();
  }
}
