-- Convener schema, version 6: each tenant's pulse thresholds. Runs unchanged on H2 2.x, SQLite 3.24+
-- and PostgreSQL 9.5+: common SQL only, no dialect branches. tenant_id leads every primary key.
-- Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z. A tenant without a row uses the
-- documented defaults (docs/pulse.md).
CREATE TABLE pulse_settings (
  tenant_id VARCHAR(64) NOT NULL,
  min_group_size INTEGER NOT NULL,
  engagement_drop DOUBLE PRECISION NOT NULL,
  silent_after_events INTEGER NOT NULL,
  unanswered_below DOUBLE PRECISION NOT NULL,
  min_messages INTEGER NOT NULL,
  inclusion_gini DOUBLE PRECISION NOT NULL,
  negative_sentiment DOUBLE PRECISION NOT NULL,
  min_scored_events INTEGER NOT NULL,
  low_psych_safety DOUBLE PRECISION NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT pulse_settings_pk PRIMARY KEY (tenant_id),
  CONSTRAINT pulse_settings_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
