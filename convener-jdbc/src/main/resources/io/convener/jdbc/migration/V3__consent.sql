-- Convener schema, version 3: consent. Runs unchanged on H2 2.x, SQLite 3.24+ and PostgreSQL 9.5+:
-- common SQL only, no dialect branches. tenant_id leads every primary key and index.
-- Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z.

-- One row per tenant that ever changed its consent: the consent version, raised by every change in
-- the same transaction (and locked by it, so that a tenant's consent writes are serialised), and
-- the policy of enabled purposes as a JSON array of names (NULL until the tenant sets one).
CREATE TABLE consent_tenants (
  tenant_id VARCHAR(64) NOT NULL,
  consent_version BIGINT NOT NULL,
  policy VARCHAR,
  CONSTRAINT consent_tenants_pk PRIMARY KEY (tenant_id),
  CONSTRAINT consent_tenants_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- The append-only history: one row per consent record (receipt), never updated or deleted.
-- seq is the tenant's consent version the record made: the order of appending.
CREATE TABLE consent_records (
  tenant_id VARCHAR(64) NOT NULL,
  record_id VARCHAR(128) NOT NULL,
  seq BIGINT NOT NULL,
  subject VARCHAR(200) NOT NULL,
  purpose VARCHAR(100) NOT NULL,
  decision VARCHAR(16) NOT NULL,
  notice_version VARCHAR(200),
  method VARCHAR(32) NOT NULL,
  recorded_by VARCHAR(200) NOT NULL,
  at BIGINT NOT NULL,
  expires_at BIGINT,
  source_event VARCHAR(200),
  CONSTRAINT consent_records_pk PRIMARY KEY (tenant_id, record_id),
  CONSTRAINT consent_records_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
CREATE UNIQUE INDEX consent_records_by_seq ON consent_records (tenant_id, seq);
-- A subject's history in the order appended.
CREATE INDEX consent_records_by_subject ON consent_records (tenant_id, subject, seq);

-- The current-state projection: each subject's latest record per purpose (latest at; at equal
-- instants, the later seq). Keyed purpose first, so "who granted purpose P" is one range scan.
CREATE TABLE consent_current (
  tenant_id VARCHAR(64) NOT NULL,
  purpose VARCHAR(100) NOT NULL,
  subject VARCHAR(200) NOT NULL,
  record_id VARCHAR(128) NOT NULL,
  decision VARCHAR(16) NOT NULL,
  at BIGINT NOT NULL,
  expires_at BIGINT,
  CONSTRAINT consent_current_pk PRIMARY KEY (tenant_id, purpose, subject),
  CONSTRAINT consent_current_record_fk FOREIGN KEY (tenant_id, record_id)
    REFERENCES consent_records (tenant_id, record_id)
);
