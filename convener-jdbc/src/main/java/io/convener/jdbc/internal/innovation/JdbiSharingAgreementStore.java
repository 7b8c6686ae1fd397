package io.convener.jdbc.internal.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.innovation.SharingAgreement;
import io.convener.api.innovation.SharingTerms;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.SharingAgreementStore;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Sharing agreements in {@code sharing_agreements}. A put deletes the row with the same terms and
 * inserts the new one in one transaction (the same SQL on every database). Thread-safe.
 */
final class JdbiSharingAgreementStore implements SharingAgreementStore {
  static final String COLUMNS = "direction, counterpart_id, recorded_by, recorded_at";

  static final String INSERT =
      """
      INSERT INTO sharing_agreements (tenant_id, direction, counterpart_id, recorded_by, recorded_at)
      VALUES (:tenant, :direction, :counterpart, :recordedBy, :recordedAt)""";

  static final String DELETE =
      "DELETE FROM sharing_agreements WHERE tenant_id = :tenant AND direction = :direction"
          + " AND counterpart_id = :counterpart";

  static final String SELECT_ONE =
      "SELECT " + COLUMNS + " FROM sharing_agreements WHERE tenant_id = :tenant AND direction = :direction"
          + " AND counterpart_id = :counterpart";

  static final String SELECT_ALL =
      "SELECT " + COLUMNS + " FROM sharing_agreements WHERE tenant_id = :tenant ORDER BY direction, counterpart_id";

  private final Database database;

  @Inject
  JdbiSharingAgreementStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public void put(TenantId tenant, SharingAgreement agreement) {
    requireNonNull(tenant, "tenant");
    requireNonNull(agreement, "agreement");
    if (!agreement.tenant().equals(tenant)) {
      throw new IllegalArgumentException("the agreement belongs to another tenant");
    }
    long at = EpochNanos.of(agreement.recordedAt(), "recordedAt");
    database.write("put sharing agreement", tenant, handle -> {
      handle.createUpdate(DELETE)
          .bind("tenant", tenant.value())
          .bind("direction", agreement.terms().direction().name())
          .bind("counterpart", agreement.terms().counterpart().value())
          .execute();
      return handle.createUpdate(INSERT)
          .bind("tenant", tenant.value())
          .bind("direction", agreement.terms().direction().name())
          .bind("counterpart", agreement.terms().counterpart().value())
          .bind("recordedBy", agreement.recordedBy())
          .bind("recordedAt", at)
          .execute();
    });
  }

  @Override
  public Optional<SharingAgreement> find(TenantId tenant, SharingTerms terms) {
    requireNonNull(tenant, "tenant");
    requireNonNull(terms, "terms");
    return database.read("find sharing agreement", tenant, handle -> handle.createQuery(SELECT_ONE)
        .bind("tenant", tenant.value())
        .bind("direction", terms.direction().name())
        .bind("counterpart", terms.counterpart().value())
        .map((rs, ctx) -> agreement(tenant, rs))
        .findOne());
  }

  @Override
  public boolean remove(TenantId tenant, SharingTerms terms) {
    requireNonNull(tenant, "tenant");
    requireNonNull(terms, "terms");
    return database.write("remove sharing agreement", tenant, handle -> handle.createUpdate(DELETE)
        .bind("tenant", tenant.value())
        .bind("direction", terms.direction().name())
        .bind("counterpart", terms.counterpart().value())
        .execute() > 0);
  }

  @Override
  public List<SharingAgreement> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return List.copyOf(database.read("list sharing agreements", tenant, handle -> handle.createQuery(SELECT_ALL)
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> agreement(tenant, rs))
        .list()));
  }

  private static SharingAgreement agreement(TenantId tenant, ResultSet rs) throws SQLException {
    try {
      SharingTerms terms = new SharingTerms(
          SharingTerms.Direction.valueOf(rs.getString(1)), TenantId.of(rs.getString(2)));
      return new SharingAgreement(tenant, terms, rs.getString(3), EpochNanos.toInstant(rs.getLong(4)));
    } catch (IllegalArgumentException e) {
      throw new StorageException("a sharing agreement row of tenant " + tenant.value() + " is invalid: "
          + e.getMessage(), e);
    }
  }
}
