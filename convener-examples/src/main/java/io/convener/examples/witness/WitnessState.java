package io.convener.examples.witness;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What a witness keeps between runs, in one small JSON file: the tenant, the verifier key it
 * trusts, and the last checkpoint it checked (the signed note). Written whole to a file beside it
 * and moved into place, so that a witness killed while saving keeps the previous state. Immutable.
 *
 * @param tenant whose log is witnessed
 * @param verifierKey the verifier key every checkpoint must be signed with
 * @param kept the last checkpoint checked, if any
 */
public record WitnessState(TenantId tenant, String verifierKey, Optional<Checkpoint> kept) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates. */
  public WitnessState {
    requireNonNull(tenant, "tenant");
    requireNonNull(verifierKey, "verifierKey");
    requireNonNull(kept, "kept");
  }

  /** A copy that keeps {@code checkpoint}. */
  public WitnessState keeping(Checkpoint checkpoint) {
    return new WitnessState(tenant, verifierKey, Optional.of(checkpoint));
  }

  /**
   * The state saved in {@code file}, or empty when there is no such file yet.
   *
   * @throws IllegalArgumentException naming the file and field when it is not a witness state
   */
  public static Optional<WitnessState> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the witness state " + file, e);
    }
    try {
      JsonNode doc = JSON.readTree(text);
      String tenant = doc.path("tenant").asText("");
      String key = doc.path("verifierKey").asText("");
      if (tenant.isEmpty() || key.isEmpty()) {
        throw new IllegalArgumentException("needs tenant and verifierKey");
      }
      Optional<Checkpoint> kept = doc.hasNonNull("checkpoint")
          ? Optional.of(Checkpoint.parse(doc.get("checkpoint").asText()))
          : Optional.empty();
      return Optional.of(new WitnessState(TenantId.of(tenant), key, kept));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the witness state " + file + " is damaged: " + e.getMessage());
    }
  }

  /** Saves the state to {@code file}, replacing it atomically. */
  public void write(Path file) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("tenant", tenant.value());
    doc.put("verifierKey", verifierKey);
    kept.ifPresent(c -> {
      doc.put("treeSize", c.treeSize());
      doc.put("root", c.root().base64());
      doc.put("checkpoint", c.toText());
    });
    Path absolute = file.toAbsolutePath();
    Path next = absolute.resolveSibling(absolute.getFileName() + ".next");
    try {
      Files.writeString(next, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
      Files.move(next, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the witness state " + file, e);
    }
  }
}
