package io.convener.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.ChampionThresholds;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.PulseSettings;
import io.convener.http.json.SettingsShapes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the request bodies of the admin routes, the documents of {@link SettingsShapes}: every
 * field required, no field unknown, whole numbers where the setting is one; a bad value is a 400
 * naming the field (a nested one as {@code thresholds.repeatDecay}).
 */
final class SettingsBodies {
  private SettingsBodies() {}

  static ConsentPolicy policy(JsonNode body) {
    only(body, "", List.of("enabled"));
    Set<Purpose> enabled = new LinkedHashSet<>(strings(body, "enabled", v -> value("enabled", () -> Purpose.of(v))));
    return new ConsentPolicy(enabled);
  }

  static PulseSettings pulse(JsonNode body) {
    only(body, "", SettingsShapes.PULSE_FIELDS);
    return checked(() -> new PulseSettings(whole(body, "minGroupSize", ""),
        number(body, "engagementDrop", ""), whole(body, "silentAfterEvents", ""), number(body, "unansweredBelow", ""),
        whole(body, "minMessages", ""), number(body, "inclusionGini", ""), number(body, "negativeSentiment", ""),
        whole(body, "minScoredEvents", ""), number(body, "lowPsychSafety", "")), SettingsShapes.PULSE_FIELDS, "");
  }

  static ChampionSettings champions(JsonNode body) {
    only(body, "", List.of("weights", "excluded", "thresholds"));
    JsonNode w = field(body, "weights", "");
    if (!w.isObject()) {
      throw new InvalidInputException("weights", "must be an object of component names and weights");
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Iterator<String> names = w.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      weights.put(name, number(w, name, "weights."));
    }
    Set<MemberId> excluded = new LinkedHashSet<>(strings(body, "excluded", v -> member("excluded", v)));
    JsonNode t = field(body, "thresholds", "");
    if (!t.isObject()) {
      throw new InvalidInputException("thresholds", "must be an object");
    }
    only(t, "thresholds.", SettingsShapes.THRESHOLD_FIELDS);
    ChampionThresholds thresholds = checked(() -> new ChampionThresholds(
        number(t, "championQuantile", "thresholds."), number(t, "connectorBrokerage", "thresholds."),
        whole(t, "connectorGroups", "thresholds."), number(t, "observerActivity", "thresholds."),
        number(t, "personaTau", "thresholds."), number(t, "broadcasterPostShare", "thresholds."),
        number(t, "repeatDecay", "thresholds."), number(t, "structuralRefresh", "thresholds.")),
        SettingsShapes.THRESHOLD_FIELDS, "thresholds.");
    return value("weights", () -> new ChampionSettings(weights, excluded, thresholds));
  }

  /** A pulse scope by its wire name. */
  static PulseScope scope(String field, String wireName) {
    return value(field, () -> PulseScope.parse(wireName));
  }

  /** The members of a watcher change ({@code {scope, members}}): an array of member ids. */
  static List<MemberId> members(JsonNode body) {
    only(body, "", List.of("scope", "members"));
    return strings(body, "members", v -> member("members", v));
  }

  private static MemberId member(String field, String v) {
    return value(field, () -> MemberId.of(v));
  }

  private static void only(JsonNode node, String prefix, List<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidInputException(prefix + name, "is not a field of this document; expected " + allowed);
      }
    }
  }

  private static JsonNode field(JsonNode node, String name, String prefix) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new InvalidInputException(prefix + name, "is required");
    }
    return v;
  }

  private static int whole(JsonNode node, String name, String prefix) {
    JsonNode v = field(node, name, prefix);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new InvalidInputException(prefix + name, "must be a whole number, got " + v);
    }
    return v.intValue();
  }

  private static double number(JsonNode node, String name, String prefix) {
    JsonNode v = field(node, name, prefix);
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw new InvalidInputException(prefix + name, "must be a finite number, got " + v);
    }
    return v.doubleValue();
  }

  private static <T> List<T> strings(JsonNode body, String name, Function<String, T> make) {
    JsonNode list = field(body, name, "");
    if (!list.isArray()) {
      throw new InvalidInputException(name, "must be an array of strings");
    }
    List<T> out = new ArrayList<>();
    for (JsonNode s : list) {
      if (!s.isTextual()) {
        throw new InvalidInputException(name, "must be an array of strings");
      }
      out.add(make.apply(s.asText()));
    }
    return out;
  }

  private static <T> T value(String field, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, String.valueOf(e.getMessage()));
    }
  }

  /** A record whose validation names the bad component first: the field is that name. */
  private static <T> T checked(Supplier<T> make, List<String> fields, String prefix) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      String first = message.split(" ", 2)[0];
      throw new InvalidInputException(fields.contains(first) ? prefix + first : null, 0, message);
    }
  }
}
