package io.convener.api;

import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Input that cannot be taken: a malformed line, a missing or invalid field, an argument outside its
 * range. Names the field and, for input read from a file, the line. {@link NotFoundException} is
 * the kind that names something the tenant does not have.
 */
public sealed class InvalidInputException extends ConvenerException permits NotFoundException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String field;
  private final long line;

  /**
   * @param field the offending field as it is named in the interchange format, or null when the
   *     problem is not tied to one field (for example a line that is not JSON)
   * @param line the 1-based line number in the input, or 0 when there is no line
   * @param reason what is wrong, for people
   */
  public InvalidInputException(@Nullable String field, long line, String reason) {
    super(describe(field, line, reason), null);
    this.field = field;
    this.line = line;
  }

  /** An invalid value that does not come from a file. */
  public InvalidInputException(String field, String reason) {
    this(field, 0, reason);
  }

  private static String describe(@Nullable String field, long line, String reason) {
    StringBuilder sb = new StringBuilder();
    if (line > 0) {
      sb.append("line ").append(line).append(": ");
    }
    if (field != null) {
      sb.append(field).append(": ");
    }
    return sb.append(reason).toString();
  }

  /** The offending field, when the problem is tied to one. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** The 1-based line number in the input, when the input came from a file. */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  @Override
  public String code() {
    return "invalid_input";
  }
}
