-- Convener schema, version 7: champion settings. Runs unchanged on H2 2.x, SQLite 3.24+ and
-- PostgreSQL 9.5+: common SQL only, no dialect branches. tenant_id leads every primary key.
-- Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z.

-- One row per tenant that saved settings: the thresholds, one column each.
CREATE TABLE champion_settings (
  tenant_id VARCHAR(64) NOT NULL,
  champion_quantile DOUBLE PRECISION NOT NULL,
  connector_brokerage DOUBLE PRECISION NOT NULL,
  connector_groups INTEGER NOT NULL,
  observer_activity DOUBLE PRECISION NOT NULL,
  persona_tau DOUBLE PRECISION NOT NULL,
  broadcaster_post_share DOUBLE PRECISION NOT NULL,
  repeat_decay DOUBLE PRECISION NOT NULL,
  structural_refresh DOUBLE PRECISION NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT champion_settings_pk PRIMARY KEY (tenant_id),
  CONSTRAINT champion_settings_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- The weight of each score component, in the order the tenant gave them.
CREATE TABLE champion_weights (
  tenant_id VARCHAR(64) NOT NULL,
  component VARCHAR(64) NOT NULL,
  seq INTEGER NOT NULL,
  weight DOUBLE PRECISION NOT NULL,
  CONSTRAINT champion_weights_pk PRIMARY KEY (tenant_id, component),
  CONSTRAINT champion_weights_settings_fk FOREIGN KEY (tenant_id) REFERENCES champion_settings (tenant_id)
);

-- Staff and bot accounts left out of champion discovery.
CREATE TABLE champion_excluded (
  tenant_id VARCHAR(64) NOT NULL,
  member_id VARCHAR(200) NOT NULL,
  CONSTRAINT champion_excluded_pk PRIMARY KEY (tenant_id, member_id),
  CONSTRAINT champion_excluded_settings_fk FOREIGN KEY (tenant_id) REFERENCES champion_settings (tenant_id)
);
