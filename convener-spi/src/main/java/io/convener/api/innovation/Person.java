package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import java.util.Optional;

/**
 * How a lineage shows a person (an innovation's originator or an adopter): by id, with consent for
 * {@code innovation.attribution}; as a pseudonymous reference, when the person belongs to another
 * tenant (never their raw id); or withheld, counted but not shown. A closed set; immutable.
 */
public sealed interface Person {
  /** The disclosed member id, when the person is shown by id. */
  default Optional<Disclosed<MemberId>> disclosed() {
    return Optional.empty();
  }

  /** What the command line and JSON show: the id, the pseudonym, or empty when withheld. */
  Optional<String> label();

  /**
   * A member of the caller's tenant, shown by id under their consent.
   *
   * @param member the disclosed id
   */
  record Named(Disclosed<MemberId> member) implements Person {
    /** Validates. */
    public Named {
      requireNonNull(member, "member");
    }

    @Override
    public Optional<Disclosed<MemberId>> disclosed() {
      return Optional.of(member);
    }

    @Override
    public Optional<String> label() {
      return Optional.of(member.value().value());
    }
  }

  /**
   * A member of another tenant: a keyed hash of the tenant and member, stable for one viewing
   * tenant and different for every other, so it neither reveals the id nor links across viewers.
   *
   * @param reference the pseudonym, such as {@code x-3f9a…}
   */
  record Pseudonymous(String reference) implements Person {
    /** Validates. */
    public Pseudonymous {
      requireNonNull(reference, "reference");
      if (reference.isBlank()) {
        throw new IllegalArgumentException("reference must not be blank");
      }
    }

    @Override
    public Optional<String> label() {
      return Optional.of(reference);
    }
  }

  /**
   * A person who is counted but not shown.
   *
   * @param reason why, such as {@code no innovation.attribution consent}
   */
  record Withheld(String reason) implements Person {
    /** Validates. */
    public Withheld {
      requireNonNull(reason, "reason");
    }

    @Override
    public Optional<String> label() {
      return Optional.empty();
    }
  }
}
