-- Convener schema, version 1. Runs unchanged on H2 2.x, SQLite 3.24+ and PostgreSQL 9.5+:
-- common SQL only (VARCHAR, BIGINT, DOUBLE PRECISION), no dialect branches.
-- tenant_id leads every primary key and index. Lists and objects are JSON text.
-- Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z.

CREATE TABLE tenants (
  tenant_id VARCHAR(64) NOT NULL,
  CONSTRAINT tenants_pk PRIMARY KEY (tenant_id)
);

-- One row per member. teams, cohorts and skills are JSON arrays of strings in the order given;
-- the membership tables below index them for lookups.
CREATE TABLE members (
  tenant_id VARCHAR(64) NOT NULL,
  member_id VARCHAR(200) NOT NULL,
  org VARCHAR(200),
  teams VARCHAR NOT NULL,
  cohorts VARCHAR NOT NULL,
  skills VARCHAR NOT NULL,
  CONSTRAINT members_pk PRIMARY KEY (tenant_id, member_id),
  CONSTRAINT members_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- Personal data, kept apart from the pseudonymous rows: a row only when a field is given.
CREATE TABLE member_personal (
  tenant_id VARCHAR(64) NOT NULL,
  member_id VARCHAR(200) NOT NULL,
  display_name VARCHAR,
  email VARCHAR,
  CONSTRAINT member_personal_pk PRIMARY KEY (tenant_id, member_id),
  CONSTRAINT member_personal_member_fk FOREIGN KEY (tenant_id, member_id)
    REFERENCES members (tenant_id, member_id)
);

-- "Members of team T": one row per (team, member).
CREATE TABLE member_teams (
  tenant_id VARCHAR(64) NOT NULL,
  team_id VARCHAR(200) NOT NULL,
  member_id VARCHAR(200) NOT NULL,
  CONSTRAINT member_teams_pk PRIMARY KEY (tenant_id, team_id, member_id),
  CONSTRAINT member_teams_member_fk FOREIGN KEY (tenant_id, member_id)
    REFERENCES members (tenant_id, member_id)
);
CREATE INDEX member_teams_by_member ON member_teams (tenant_id, member_id);

-- "Members of cohort C": one row per (cohort, member).
CREATE TABLE member_cohorts (
  tenant_id VARCHAR(64) NOT NULL,
  cohort_id VARCHAR(200) NOT NULL,
  member_id VARCHAR(200) NOT NULL,
  CONSTRAINT member_cohorts_pk PRIMARY KEY (tenant_id, cohort_id, member_id),
  CONSTRAINT member_cohorts_member_fk FOREIGN KEY (tenant_id, member_id)
    REFERENCES members (tenant_id, member_id)
);
CREATE INDEX member_cohorts_by_member ON member_cohorts (tenant_id, member_id);

-- "Members under org unit U", rolled up: a member of eng/platform/db has one row for each of
-- eng/platform/db (depth 2), eng/platform (depth 1) and eng (depth 0).
CREATE TABLE member_org_units (
  tenant_id VARCHAR(64) NOT NULL,
  org_unit VARCHAR(200) NOT NULL,
  member_id VARCHAR(200) NOT NULL,
  depth INTEGER NOT NULL,
  CONSTRAINT member_org_units_pk PRIMARY KEY (tenant_id, org_unit, member_id),
  CONSTRAINT member_org_units_member_fk FOREIGN KEY (tenant_id, member_id)
    REFERENCES members (tenant_id, member_id)
);
CREATE INDEX member_org_units_by_member ON member_org_units (tenant_id, member_id);

-- Append-only events; the first write of an id wins.
CREATE TABLE events (
  tenant_id VARCHAR(64) NOT NULL,
  event_id VARCHAR(200) NOT NULL,
  at BIGINT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  actor VARCHAR(200) NOT NULL,
  team VARCHAR(200),
  weight DOUBLE PRECISION NOT NULL,
  sentiment DOUBLE PRECISION,
  targets VARCHAR NOT NULL,
  refs VARCHAR NOT NULL,
  tags VARCHAR NOT NULL,
  attrs VARCHAR NOT NULL,
  CONSTRAINT events_pk PRIMARY KEY (tenant_id, event_id),
  CONSTRAINT events_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
-- Time-ordered scans of a window: (at, event_id) is the scan order.
CREATE INDEX events_by_time ON events (tenant_id, at, event_id);
