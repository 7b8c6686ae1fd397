-- Convener schema, version 27: innovation detection, its thresholds per tenant and the practices a
-- manager confirmed. Runs unchanged on H2 2.x, SQLite 3.24+ and PostgreSQL 9.5+: common SQL only.
-- tenant_id leads every primary key. Instants are BIGINT nanoseconds since 1970-01-01Z; durations
-- BIGINT seconds.

-- One row per tenant that saved thresholds; a tenant without one uses the defaults.
CREATE TABLE innovation_detection_settings (
  tenant_id VARCHAR(64) NOT NULL,
  min_adopters INTEGER NOT NULL,
  min_teams INTEGER NOT NULL,
  origin_lead_seconds BIGINT NOT NULL,
  origin_share DOUBLE PRECISION NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT innovation_detection_settings_pk PRIMARY KEY (tenant_id),
  CONSTRAINT innovation_detection_settings_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- One row per confirmed practice. The tag is normalised (trimmed, lower case); innovation_id is
-- 'practice:' followed by the tag. Only ids and the confirming subject are kept, no personal data.
CREATE TABLE confirmed_innovations (
  tenant_id VARCHAR(64) NOT NULL,
  tag VARCHAR(100) NOT NULL,
  innovation_id VARCHAR(200) NOT NULL,
  origin_team VARCHAR(200) NOT NULL,
  first_seen BIGINT NOT NULL,
  confirmed_by VARCHAR(200) NOT NULL,
  confirmed_at BIGINT NOT NULL,
  CONSTRAINT confirmed_innovations_pk PRIMARY KEY (tenant_id, tag),
  CONSTRAINT confirmed_innovations_id_uq UNIQUE (tenant_id, innovation_id),
  CONSTRAINT confirmed_innovations_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
