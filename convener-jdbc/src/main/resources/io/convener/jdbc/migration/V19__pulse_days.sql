-- Convener schema, version 19: the pulse's day digests. Runs unchanged on H2 2.x, SQLite 3.24+
-- and PostgreSQL 9.5+: common SQL only. tenant_id leads every primary key.

-- Compact digests of a tenant's events as the pulse needs them (PulseDigestStore), in opaque
-- parts per UTC day (epoch_day: days since 1970-01-01), so that a new process loads the days a
-- pulse reads in a few rows per day. A cache, never the record: the events table is. part is the
-- change counter value of the append that wrote it (of the newest part it replaced, for a merged
-- one), unique per day. data is BYTEA, as in event_blocks (V11): the one binary type name all
-- three accept.
CREATE TABLE pulse_days (
  tenant_id VARCHAR(64) NOT NULL,
  epoch_day INTEGER NOT NULL,
  part BIGINT NOT NULL,
  data BYTEA NOT NULL,
  CONSTRAINT pulse_days_pk PRIMARY KEY (tenant_id, epoch_day, part),
  CONSTRAINT pulse_days_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- One row per tenant with digests: the change counter value they are complete through, moved by
-- compare-and-set in the transaction that adds parts, and the earliest day of any part (NULL
-- before the first), so that neither a load nor an append reads the parts to learn it.
CREATE TABLE pulse_digest_heads (
  tenant_id VARCHAR(64) NOT NULL,
  through_change BIGINT NOT NULL,
  first_day INTEGER,
  CONSTRAINT pulse_digest_heads_pk PRIMARY KEY (tenant_id),
  CONSTRAINT pulse_digest_heads_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
