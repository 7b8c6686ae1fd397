-- Convener schema, version 28: membership history. Runs unchanged on H2 2.x, SQLite 3.24+ and
-- PostgreSQL 9.5+: common SQL only. tenant_id leads every primary key.

-- The periods of a member's membership (MembershipHistoryStore): from valid_from (epoch
-- millisecond; the smallest BIGINT for "from the beginning") until the next period of the same
-- member starts, the member belonged to these teams, cohorts (JSON arrays, as in members) and org
-- unit. A period ends where the next begins, so periods never overlap and need no valid_until. A
-- member without rows has their members row's membership from the beginning; a member with rows
-- has the members row's membership in the last one (the member upsert keeps both in its
-- transaction).
CREATE TABLE member_periods (
  tenant_id VARCHAR(64) NOT NULL,
  member_id VARCHAR(200) NOT NULL,
  valid_from BIGINT NOT NULL,
  org VARCHAR(200),
  teams VARCHAR NOT NULL,
  cohorts VARCHAR NOT NULL,
  CONSTRAINT member_periods_pk PRIMARY KEY (tenant_id, member_id, valid_from),
  CONSTRAINT member_periods_member_fk FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, member_id)
);
