-- Convener schema, version 22: leases on each tenant's scheduled work (pulse risk evaluation,
-- approval expiry, the innovation pattern push, purges, backups), so that of several nodes on one
-- database one runs each job of each tenant once per period, and another takes a run over when
-- the node that held it died. Common SQL only; runs unchanged on H2 2.x, SQLite 3.24+ and
-- PostgreSQL 9.5+. Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z.
--
-- next_run_at: when the job is due again (0: at once); last_run_at: when a run last completed (0:
-- never); lease_owner: the node running it ('' when none); lease_until: when that lease ends (0
-- when none); lease_version: raised by each claim, so that a node whose lease expired and was
-- taken over cannot complete the new run. No foreign key to tenants: a lease is the nodes' state, not
-- the tenant's data, so it is neither backed up nor in the way when a tenant's rows are removed.
CREATE TABLE job_leases (
  tenant_id VARCHAR(64) NOT NULL,
  job VARCHAR(64) NOT NULL,
  next_run_at BIGINT NOT NULL,
  last_run_at BIGINT NOT NULL,
  lease_owner VARCHAR(64) NOT NULL,
  lease_until BIGINT NOT NULL,
  lease_version BIGINT NOT NULL,
  CONSTRAINT job_leases_pk PRIMARY KEY (tenant_id, job)
);
