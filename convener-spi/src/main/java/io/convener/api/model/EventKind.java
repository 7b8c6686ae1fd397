package io.convener.api.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an event records. Each kind has a stable wire name used in the interchange format. */
public enum EventKind {
  /** A post or message. */
  MESSAGE("message", Category.COLLABORATION),
  /** An answer; {@code refs[0]} is the message answered. */
  REPLY("reply", Category.COLLABORATION),
  /** The actor mentions the targets. */
  MENTION("mention", Category.COLLABORATION),
  /** The actor reacts to the targets' contribution. */
  REACTION("reaction", Category.COLLABORATION),
  /** The actor vouches for each target; {@code tags} are the skills endorsed. */
  ENDORSEMENT("endorsement", Category.COLLABORATION),
  /** The actor and the targets met. */
  MEETING("meeting", Category.COLLABORATION),
  /** The actor reviewed the targets' work. */
  REVIEW("review", Category.COLLABORATION),
  /** A survey response; {@code attrs.instrument} names the instrument. */
  SURVEY("survey", Category.PULSE),
  /** The actor publishes a learning artifact: an experiment log, a lesson, a how-to. */
  LEARNING("learning", Category.LEARNING),
  /** The actor applies or reuses the artifacts in {@code refs}. */
  APPLIED("applied", Category.LEARNING),
  /** A result for a team; {@code attrs.value} is a number. */
  OUTCOME("outcome", Category.LEARNING),
  /** The actor flags a new practice; the event id is the innovation id. */
  INNOVATION("innovation", Category.INNOVATION),
  /** The actor's team adopts the innovation in {@code refs[0]}. */
  ADOPTION("adoption", Category.INNOVATION),
  /** The actor, as data subject, grants or revokes consent for a purpose. */
  CONSENT("consent", Category.CONSENT);

  /** Groups of kinds that services read together. */
  public enum Category {
    /** Kinds that make edges of the interaction graph. */
    COLLABORATION,
    /** Survey responses. */
    PULSE,
    /** Learning artifacts, their reuse and outcomes. */
    LEARNING,
    /** Innovations and their adoptions. */
    INNOVATION,
    /** Consent decisions. */
    CONSENT
  }

  private static final Map<String, EventKind> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(k -> k.wireName, Function.identity()));

  private final String wireName;
  private final Category category;

  EventKind(String wireName, Category category) {
    this.wireName = wireName;
    this.category = category;
  }

  /** The name used in the interchange format, such as {@code reply}. */
  public String wireName() {
    return wireName;
  }

  /** The group this kind belongs to. */
  public Category category() {
    return category;
  }

  /** Whether events of this kind add edges to the interaction graph. */
  public boolean isCollaboration() {
    return category == Category.COLLABORATION;
  }

  /** The kind with this wire name (case-sensitive), or empty. */
  public static Optional<EventKind> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
