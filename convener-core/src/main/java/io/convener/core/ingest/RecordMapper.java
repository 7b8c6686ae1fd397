package io.convener.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convener.api.CohortId;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.Purpose;
import io.convener.api.ingest.Rejection;
import io.convener.api.learning.OutcomeDirection;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns one JSON object of the interchange format into a {@link Member} or an {@link Event}, or a
 * rejection that names the field. Shared by the JSON Lines and CSV readers. Thread-safe.
 */
final class RecordMapper {
  /** Earliest and latest instants a store can keep (epoch nanoseconds in a signed 64-bit long). */
  private static final Instant MIN_AT = Instant.ofEpochSecond(0, Long.MIN_VALUE);
  private static final Instant MAX_AT = Instant.ofEpochSecond(0, Long.MAX_VALUE);

  static final String PSYCH_SAFETY_7 = "psych-safety-7";

  private final TextSentiment text;

  /** A mapper that scores the {@code text} of event lines with {@code text}, then drops it. */
  RecordMapper(TextSentiment text) {
    this.text = text;
  }

  ParsedLine map(ObjectNode node, long line) {
    try {
      String type = optionalText(node, "type");
      if (type == null || type.equals("event")) {
        Event event = event(node);
        return new ParsedLine.EventLine(text.apply(event, optionalText(node, "text")));
      }
      if (type.equals("member")) {
        return new ParsedLine.MemberLine(member(node));
      }
      throw new FieldError("type", "must be \"member\" or \"event\", got \"" + type + "\"");
    } catch (FieldError e) {
      return rejected(line, e.field, e.getMessage());
    }
  }

  static ParsedLine rejected(long line, @Nullable String field, String reason) {
    return new ParsedLine.Rejected(new Rejection(line, Optional.ofNullable(field), reason));
  }

  private static Member member(ObjectNode node) {
    Member.Builder b = Member.builder(id(node, "id", MemberId::new));
    b.teams(ids(node, "teams", TeamId::new));
    b.cohorts(ids(node, "cohorts", CohortId::new));
    String org = optionalText(node, "org");
    if (org != null) {
      b.org(id("org", org, OrgUnit::new));
    }
    String displayName = optionalText(node, "displayName");
    if (displayName != null) {
      b.displayName(displayName);
    }
    String email = optionalText(node, "email");
    if (email != null) {
      b.email(email);
    }
    b.skills(texts(node, "skills"));
    if (optionalText(node, "validFrom") != null) {
      b.validFrom(instant(node, "validFrom"));
    }
    return b.build();
  }

  private static Event event(ObjectNode node) {
    EventId id = id(node, "id", EventId::new);
    Instant at = instant(node);
    EventKind kind = kind(node);
    MemberId actor = id(node, "actor", MemberId::new);
    Event.Builder b = Event.builder(id, at, kind, actor);
    b.targets(ids(node, "targets", MemberId::new));
    String team = optionalText(node, "team");
    if (team != null) {
      b.team(id("team", team, TeamId::new));
    }
    JsonNode weight = present(node, "weight");
    if (weight != null) {
      double w = number(weight, "weight");
      if (!(w > 0)) {
        throw new FieldError("weight", "must be > 0, got " + weight.asText());
      }
      b.weight(w);
    }
    JsonNode sentiment = present(node, "sentiment");
    if (sentiment != null) {
      double s = number(sentiment, "sentiment");
      if (s < -1 || s > 1) {
        throw new FieldError("sentiment", "must be in [-1, 1], got " + sentiment.asText());
      }
      b.sentiment(s);
    }
    List<EventId> refs = ids(node, "refs", EventId::new);
    b.refs(refs);
    b.tags(texts(node, "tags"));
    Attrs attrs = attrs(node);
    b.attrs(attrs);
    checkKind(kind, at, refs, attrs);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new FieldError(null, e.getMessage());
    }
  }

  /** Rules that hold only for some kinds, as the contract states them. */
  private static void checkKind(EventKind kind, Instant at, List<EventId> refs, Attrs attrs) {
    switch (kind) {
      case SURVEY -> {
        if (attrs.string("instrument").filter(PSYCH_SAFETY_7::equals).isPresent()) {
          List<Object> answers =
              attrs.list("answers").orElseThrow(() -> new FieldError("attrs.answers", "required for " + PSYCH_SAFETY_7));
          if (answers.size() != 7) {
            throw new FieldError("attrs.answers", "must hold 7 answers, got " + answers.size());
          }
          for (Object a : answers) {
            if (!(a instanceof Long v) || v < 1 || v > 7) {
              throw new FieldError("attrs.answers", "must be integers from 1 to 7, got " + a);
            }
          }
        }
      }
      case CONSENT -> checkConsent(at, attrs);
      case ADOPTION -> {
        if (refs.isEmpty()) {
          throw new FieldError("refs", "an adoption must name the innovation it adopts in refs[0]");
        }
      }
      case OUTCOME -> {
        if (attrs.get("value").isPresent() && attrs.number("value").isEmpty()) {
          throw new FieldError("attrs.value", "must be a number");
        }
        if (attrs.get(OutcomeDirection.ATTR).isPresent()
            && attrs.string(OutcomeDirection.ATTR).flatMap(OutcomeDirection::fromWireName).isEmpty()) {
          throw new FieldError("attrs.direction", "must be \"higher-is-better\" or \"lower-is-better\"");
        }
      }
      default -> {}
    }
  }

  /**
   * A consent event: {@code attrs.purpose} a well-formed purpose (never a wildcard), {@code
   * attrs.decision} granted or revoked; optionally {@code attrs.noticeVersion}, the notice shown,
   * and {@code attrs.expiresAt}, an RFC 3339 instant after {@code at} when a grant lapses.
   */
  private static void checkConsent(Instant at, Attrs attrs) {
    String purpose = attrs.string("purpose").orElse("");
    if (purpose.isBlank()) {
      throw new FieldError("attrs.purpose", "required for consent events");
    }
    try {
      Purpose.of(purpose);
    } catch (IllegalArgumentException e) {
      throw new FieldError("attrs.purpose", e.getMessage());
    }
    String decision = attrs.string("decision").orElse("");
    if (ConsentDecision.fromWireName(decision).isEmpty()) {
      throw new FieldError("attrs.decision", "must be \"granted\" or \"revoked\"");
    }
    if (attrs.get("noticeVersion").isPresent()) {
      String notice = attrs.string("noticeVersion").orElse("");
      if (notice.isBlank() || notice.length() > ConsentRecord.MAX_TEXT || !notice.strip().equals(notice)
          || notice.chars().anyMatch(Character::isISOControl)) {
        throw new FieldError("attrs.noticeVersion",
            "must be a string of 1 to " + ConsentRecord.MAX_TEXT + " characters without surrounding whitespace");
      }
    }
    if (attrs.get("expiresAt").isPresent()) {
      String text = attrs.string("expiresAt").orElse("");
      Instant expiresAt;
      try {
        expiresAt = OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant();
      } catch (DateTimeException e) {
        throw new FieldError("attrs.expiresAt", "not an RFC 3339 timestamp: \"" + text + "\"");
      }
      if (!decision.equals(ConsentDecision.GRANTED.wireName())) {
        throw new FieldError("attrs.expiresAt", "only a grant can expire");
      }
      if (!expiresAt.isAfter(at) || expiresAt.isAfter(MAX_AT)) {
        throw new FieldError("attrs.expiresAt", "must lie after at and before " + MAX_AT);
      }
    }
  }

  private static EventKind kind(ObjectNode node) {
    String kind = requiredText(node, "kind");
    return EventKind.fromWireName(kind)
        .orElseThrow(() -> new FieldError("kind", "unknown kind \"" + kind + "\""));
  }

  private static Instant instant(ObjectNode node) {
    return instant(node, "at");
  }

  /** The RFC 3339 instant of a required field, within what a store can keep. */
  private static Instant instant(ObjectNode node, String field) {
    String text = requiredText(node, field);
    Instant at;
    try {
      at = OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new FieldError(field, "not an RFC 3339 timestamp: \"" + text + "\"");
    }
    if (at.isBefore(MIN_AT) || at.isAfter(MAX_AT)) {
      throw new FieldError(field, "must lie between " + MIN_AT + " and " + MAX_AT);
    }
    return at;
  }

  private static Attrs attrs(ObjectNode node) {
    JsonNode attrs = present(node, "attrs");
    if (attrs == null) {
      return Attrs.empty();
    }
    if (!attrs.isObject()) {
      throw new FieldError("attrs", "must be a JSON object");
    }
    try {
      return Attrs.of(object(attrs));
    } catch (IllegalArgumentException e) {
      throw new FieldError("attrs", e.getMessage());
    }
  }

  /** A JSON object as plain Java values: the shape {@link Attrs} holds. */
  private static Map<String, Object> object(JsonNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      Object value = plain(e.getValue());
      if (value != null) {
        map.put(e.getKey(), value);
      }
    }
    return map;
  }

  private static @Nullable Object plain(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> object(node);
      case ARRAY -> {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          Object value = plain(item);
          if (value != null) {
            list.add(value);
          }
        }
        yield list;
      }
      case STRING -> node.textValue();
      case BOOLEAN -> node.booleanValue();
      case NUMBER -> node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
      default -> null;
    };
  }

  private static double number(JsonNode value, String field) {
    if (!value.isNumber()) {
      throw new FieldError(field, "must be a number, got " + value);
    }
    double d = value.doubleValue();
    if (!Double.isFinite(d)) {
      throw new FieldError(field, "must be a finite number");
    }
    return d;
  }

  private static <T> T id(ObjectNode node, String field, Function<String, T> make) {
    return id(field, requiredText(node, field), make);
  }

  private static <T> T id(String field, String value, Function<String, T> make) {
    try {
      return make.apply(value);
    } catch (IllegalArgumentException e) {
      throw new FieldError(field, e.getMessage());
    }
  }

  private static <T> List<T> ids(ObjectNode node, String field, Function<String, T> make) {
    List<String> texts = texts(node, field);
    List<T> ids = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      ids.add(id(field + "[" + i + "]", texts.get(i), make));
    }
    return ids;
  }

  private static List<String> texts(ObjectNode node, String field) {
    JsonNode value = present(node, field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new FieldError(field, "must be an array of strings");
    }
    List<String> texts = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual() || item.textValue().isBlank()) {
        throw new FieldError(field + "[" + i + "]", "must be a non-blank string");
      }
      texts.add(item.textValue());
    }
    return texts;
  }

  private static String requiredText(ObjectNode node, String field) {
    String text = optionalText(node, field);
    if (text == null) {
      throw new FieldError(field, "required");
    }
    return text;
  }

  private static @Nullable String optionalText(ObjectNode node, String field) {
    JsonNode value = present(node, field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw new FieldError(field, "must be a string");
    }
    return value.textValue();
  }

  /** The field's value, or null when it is absent or JSON null. */
  private static @Nullable JsonNode present(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  /** A validation failure inside one line; never escapes this class. */
  private static final class FieldError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final @Nullable String field;

    FieldError(@Nullable String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
    }
  }
}
