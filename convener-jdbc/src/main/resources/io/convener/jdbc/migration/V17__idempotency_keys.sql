-- Convener schema, version 17: idempotency keys, shared by every node on the database. Runs
-- unchanged on H2 2.x, SQLite 3.24+ and PostgreSQL 9.5+: common SQL only. tenant_id leads every
-- key. Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z.

-- One row per claimed key. scope is a hex SHA-256 of the subject, the route and the key, so no key
-- or subject is stored in the clear, and the primary key lets exactly one claim insert it;
-- fingerprint a hex SHA-256 of the scope and the request's parameters; claim_id the claim that
-- holds the row. sealed is the kept result and its receipt, AES-256-GCM under the tenant's key
-- (NULL while the claim runs); BYTEA is the one binary type name all three accept (see V11).
-- A row counts until expires_at, and is then purged.
CREATE TABLE idempotency_keys (
  tenant_id VARCHAR(64) NOT NULL,
  scope VARCHAR(64) NOT NULL,
  fingerprint VARCHAR(64) NOT NULL,
  claim_id VARCHAR(64) NOT NULL,
  claimed_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  sealed BYTEA,
  CONSTRAINT idempotency_keys_pk PRIMARY KEY (tenant_id, scope),
  CONSTRAINT idempotency_keys_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- The purge deletes a tenant's expired rows.
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (tenant_id, expires_at);
