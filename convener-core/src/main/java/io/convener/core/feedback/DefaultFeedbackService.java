package io.convener.core.feedback;

import static java.util.Objects.requireNonNull;

import io.convener.api.AccessDeniedException;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackId;
import io.convener.api.feedback.FeedbackService;
import io.convener.api.feedback.FeedbackStatus;
import io.convener.api.feedback.FeedbackTarget;
import io.convener.api.feedback.TeamFeedback;
import io.convener.api.feedback.Verdict;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.keys.PersonalValue;
import io.convener.spi.storage.FeedbackStore;
import io.convener.spi.storage.MemberStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link FeedbackService}: each call is one invocation through the {@link Gate}, which writes its
 * one provenance entry (used: the target's {@code member:}, {@code event:} or {@code team:} ids;
 * generated: {@code feedback:<id>}). Giving and reviewing are atomic with their entry. The reason is
 * personal data of its author: it is encrypted under the author's data key (field {@value #FIELD})
 * before it is stored, and the entry records only its length. Thread-safe; concurrent reviews of one
 * dispute are serialised by the store's compare-and-set.
 */
final class DefaultFeedbackService implements FeedbackService {
  static final String GIVE = "feedback.give";
  static final String REVIEW = "feedback.review";
  static final String LIST = "feedback.list";
  static final String RATES = "feedback.rates";
  /** The personal-data field of a reason. */
  static final String FIELD = "feedback.reason";

  private final Gate gate;
  private final FeedbackStore store;
  private final MemberStore members;
  private final FeedbackRights rights;
  private final PersonalDataCipher cipher;
  private final Clock clock;

  @Inject
  DefaultFeedbackService(Gate gate, FeedbackStore store, MemberStore members, FeedbackRights rights,
      PersonalDataCipher cipher, @FeedbackClock Clock clock) {
    this.gate = requireNonNull(gate, "gate");
    this.store = requireNonNull(store, "store");
    this.members = requireNonNull(members, "members");
    this.rights = requireNonNull(rights, "rights");
    this.cipher = requireNonNull(cipher, "cipher");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public Feedback give(Principal principal, FeedbackTarget target, Verdict verdict, String reason) {
    requireNonNull(target, "target");
    requireNonNull(verdict, "verdict");
    requireNonNull(reason, "reason");
    return gate.invoke(principal, Invocation.<Feedback>of(GIVE, tenant -> {
          checkReason(verdict, reason);
          rights.check(principal, tenant, target);
          Feedback plain = Feedback.given(FeedbackId.random(), tenant, target, verdict, reason, principal.subject(),
              clock.instant());
          store.insert(tenant, plain.withReason(cipher.encrypt(tenant, author(plain), FIELD, reason)));
          return plain;
        })
        .roles(Role.MEMBER, Role.TEAM_LEAD, Role.COMMUNITY_MANAGER, Role.ADMIN)
        .inputs(() -> Map.of("kind", target.kind().wireName(), "target", target.entities(),
            "risk", target.risk().map(Enum::name).orElse(""), "verdict", verdict.wireName(),
            "reasonChars", reason.length()))
        .used(target::entities)
        .generated(f -> List.of(entity(f.id())))
        .atomic()
        .build());
  }

  private static void checkReason(Verdict verdict, String reason) {
    if (reason.length() > Feedback.MAX_REASON) {
      throw new InvalidInputException("reason", "at most " + Feedback.MAX_REASON + " characters, got "
          + reason.length());
    }
    if (reason.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("reason", "one line of text without control characters");
    }
    if (verdict == Verdict.DISPUTE && reason.isBlank()) {
      throw new InvalidInputException("reason", "a dispute needs a reason");
    }
  }

  @Override
  public Feedback review(Principal principal, FeedbackId id, boolean accept) {
    requireNonNull(id, "id");
    return gate.invoke(principal, Invocation.<Feedback>of(REVIEW, tenant -> {
          Feedback f = store.find(tenant, id)
              .orElseThrow(() -> new InvalidInputException("feedback", "no feedback '" + id + "'"));
          if (f.author().equals(principal.subject())) {
            throw new AccessDeniedException("separation of duties: an admin may not review their own feedback");
          }
          if (f.status() != FeedbackStatus.OPEN) {
            throw new InvalidInputException("feedback", "feedback '" + id + "' is " + f.status().wireName()
                + ", not an open dispute");
          }
          Feedback reviewed = f.reviewed(accept, principal.subject(), clock.instant());
          if (!store.review(tenant, reviewed)) {
            throw new InvalidInputException("feedback", "feedback '" + id + "' was reviewed meanwhile");
          }
          return reviewed.withReason(plaintexts(tenant, List.of(reviewed)).get(0));
        })
        .roles(Role.ADMIN)
        .inputs(() -> Map.of("feedback", id.value(), "accept", accept))
        .used(() -> List.of(entity(id)))
        .generated(f -> List.of(entity(f.id())))
        .atomic()
        .build());
  }

  @Override
  public List<Feedback> list(Principal principal, Optional<FeedbackStatus> status) {
    requireNonNull(status, "status");
    boolean all = principal.has(Role.ADMIN) || principal.has(Role.COMMUNITY_MANAGER)
        || principal.has(Role.COMPLIANCE_OFFICER);
    return gate.invoke(principal, Invocation.<List<Feedback>>of(LIST, tenant -> {
          List<Feedback> visible = store.list(tenant, status).stream()
              .filter(f -> all || f.author().equals(principal.subject()))
              .toList();
          List<String> reasons = plaintexts(tenant, visible);
          List<Feedback> out = new ArrayList<>(visible.size());
          for (int i = 0; i < visible.size(); i++) {
            out.add(visible.get(i).withReason(reasons.get(i)));
          }
          return List.copyOf(out);
        })
        .roles(Role.values())
        .inputs(() -> status.<Map<String, Object>>map(s -> Map.of("status", s.wireName())).orElse(Map.of()))
        .build());
  }

  @Override
  public List<TeamFeedback> rates(Principal principal) {
    return gate.invoke(principal, Invocation.<List<TeamFeedback>>of(RATES,
            tenant -> TeamRates.of(store.list(tenant, Optional.empty()), members.listPseudonymous(tenant)))
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER)
        .build());
  }

  /** The reasons in plain text, in order; empty where the author's key was shredded. */
  private List<String> plaintexts(TenantId tenant, List<Feedback> stored) {
    if (stored.isEmpty()) {
      return List.of();
    }
    List<PersonalValue> sealed = stored.stream()
        .map(f -> PersonalValue.of(author(f), FIELD, f.reason()))
        .toList();
    return cipher.decryptAll(tenant, sealed).stream().map(o -> o.orElse("")).toList();
  }

  private static MemberId author(Feedback f) {
    return MemberId.of(f.author());
  }

  static String entity(FeedbackId id) {
    return "feedback:" + id.value();
  }
}
