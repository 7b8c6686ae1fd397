-- Convener schema, version 8: sharing agreements between tenants, for innovation spread. Runs
-- unchanged on H2 2.x, SQLite 3.24+ and PostgreSQL 9.5+: common SQL only, no dialect branches.
-- tenant_id leads every primary key and index. Instants are BIGINT nanoseconds since 1970-01-01Z.

-- One row per side of an agreement, owned by the tenant that recorded it: direction is SHARE_WITH
-- (the tenant's innovations may be adopted by the counterpart) or ACCEPT_FROM (the tenant's teams
-- may record adoptions learned from the counterpart). counterpart_id is a plain value, not a key
-- into another tenant's rows: each side is read under its own tenant id.
CREATE TABLE sharing_agreements (
  tenant_id VARCHAR(64) NOT NULL,
  direction VARCHAR(16) NOT NULL,
  counterpart_id VARCHAR(64) NOT NULL,
  recorded_by VARCHAR(200) NOT NULL,
  recorded_at BIGINT NOT NULL,
  CONSTRAINT sharing_agreements_pk PRIMARY KEY (tenant_id, direction, counterpart_id),
  CONSTRAINT sharing_agreements_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
