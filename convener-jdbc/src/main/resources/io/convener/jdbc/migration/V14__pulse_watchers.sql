-- Convener schema, version 14: who is told of each pulse scope's risks. Runs unchanged on H2 2.x,
-- SQLite 3.24+ and PostgreSQL 9.5+: common SQL only, no dialect branches. tenant_id leads every
-- primary key. Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z.

-- One row per watcher of a scope. scope is the scope's wire name (team:T, cohort:C, org:PATH or
-- tenant); member_id is a member of the same tenant when the row was added (the watcher is told
-- only while they consent to notification.direct).
CREATE TABLE pulse_watchers (
  tenant_id VARCHAR(64) NOT NULL,
  scope VARCHAR(210) NOT NULL,
  member_id VARCHAR(200) NOT NULL,
  added_at BIGINT NOT NULL,
  CONSTRAINT pulse_watchers_pk PRIMARY KEY (tenant_id, scope, member_id),
  CONSTRAINT pulse_watchers_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
