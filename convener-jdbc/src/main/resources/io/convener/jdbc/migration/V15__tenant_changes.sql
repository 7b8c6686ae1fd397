-- Convener schema, version 15: the per-tenant change counter. Runs unchanged on H2 2.x, SQLite
-- 3.24+ and PostgreSQL 9.5+: common SQL only. tenant_id leads every index.

-- A tenant's change counter: every write of the tenant's events or members raises it by one, in
-- the same transaction and under the tenant row's write lock, and stamps the rows it wrote with the
-- new value. Writers of one tenant therefore commit in counter order, and a process that has seen
-- the counter at N has seen every change up to N committed; other processes on the same store
-- read the rows stamped after the last value they saw to catch their caches up.
ALTER TABLE tenants ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;

-- The change that stored the event; 0 for events stored before this version.
ALTER TABLE events ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX events_by_change ON events (tenant_id, seq);

-- The last change that inserted or replaced the member; 0 before this version.
ALTER TABLE members ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX members_by_change ON members (tenant_id, seq);
