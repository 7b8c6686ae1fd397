package io.convener.core.internal.gate;

import static java.util.Objects.requireNonNull;

import io.convener.api.IntegrityException;
import io.convener.api.MemberId;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentFilter;
import io.convener.api.consent.ConsentMethod;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link GateReceipt} as bytes, so that a result kept in the store (an idempotency key) keeps its
 * receipt across nodes and restarts. Format 1, big-endian ({@link DataOutputStream}): the version
 * byte, tenant, subject, the step count, and per step its activity, roles, entry sequence and the
 * people its result named, each as subject, purpose and consent record id.
 *
 * <p>A named person comes back as a {@link Disclosed} of their id minted over the stored record
 * id: a claim that the original result named them under that record, never a fresh grant. It is
 * only ever handed to the gate inside a replay, whose consent filter re-checks it against the
 * tenant's consent as it is then, so reading stored bytes cannot disclose anybody. The bytes are
 * kept sealed by their user; this class neither encrypts nor authenticates. Stateless.
 */
public final class ReceiptBytes {
  private static final byte VERSION = 1;

  private ReceiptBytes() {}

  /** The bytes of a receipt that {@link CallNotes} made. */
  public static byte[] write(GateReceipt receipt) {
    requireNonNull(receipt, "receipt");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(receipt.tenant().value());
      out.writeUTF(receipt.subject());
      out.writeInt(receipt.steps().size());
      for (GateReceipt.Step step : receipt.steps()) {
        out.writeUTF(step.activity());
        out.writeInt(step.roles().size());
        for (Role role : step.roles()) {
          out.writeUTF(role.name());
        }
        out.writeLong(step.sequence());
        out.writeInt(step.named().size());
        for (Disclosed<?> d : step.named()) {
          out.writeUTF(d.subject().value());
          out.writeUTF(d.purpose().name());
          out.writeUTF(d.record().value());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The receipt the bytes hold.
   *
   * @throws IntegrityException when they are not bytes this class wrote
   */
  public static GateReceipt read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(requireNonNull(bytes, "bytes")))) {
      if (in.readByte() != VERSION) {
        throw new IntegrityException("a kept receipt has an unknown format");
      }
      TenantId tenant = TenantId.of(in.readUTF());
      String subject = in.readUTF();
      int count = in.readInt();
      List<GateReceipt.Step> steps = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        steps.add(step(in, tenant));
      }
      if (in.available() > 0) {
        throw new IntegrityException("a kept receipt has trailing bytes");
      }
      return new GateReceipt(tenant, subject, steps);
    } catch (IOException | IllegalArgumentException e) {
      throw new IntegrityException("a kept receipt cannot be read", e);
    }
  }

  private static GateReceipt.Step step(DataInputStream in, TenantId tenant) throws IOException {
    String activity = in.readUTF();
    int roleCount = in.readInt();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (int r = 0; r < roleCount; r++) {
      roles.add(Role.valueOf(in.readUTF()));
    }
    long sequence = in.readLong();
    int namedCount = in.readInt();
    List<Disclosed<?>> named = new ArrayList<>();
    for (int n = 0; n < namedCount; n++) {
      named.add(named(tenant, MemberId.of(in.readUTF()), Purpose.of(in.readUTF()), ConsentRecordId.of(in.readUTF())));
    }
    return new GateReceipt.Step(activity, roles, sequence, named);
  }

  /** The stored claim "the result named this person under this record", for the gate to re-check. */
  private static Disclosed<MemberId> named(TenantId tenant, MemberId subject, Purpose purpose, ConsentRecordId id) {
    Instant at = Instant.EPOCH;
    ConsentRecord claimed = ConsentRecord.builder().id(id).tenant(tenant).subject(subject).purpose(purpose)
        .decision(ConsentDecision.GRANTED).method(ConsentMethod.API).recordedBy("kept-receipt").at(at).build();
    return ConsentFilter.of(tenant, purpose, 0, at, s -> Optional.of(claimed)).apply(List.of(subject))
        .disclosed().get(0);
  }
}
