-- Convener schema, version 16: leases on outbox rows, so that several relays (one per node on a
-- shared database) deliver each message once. Common SQL only; runs unchanged on H2 2.x, SQLite
-- 3.24+ and PostgreSQL 9.5+ (one column per ALTER, each with a default, as SQLite requires).
--
-- lease_owner: the relay that claimed the row ('' when none); lease_until: when its lease ends, in
-- nanoseconds since 1970-01-01T00:00:00Z by the database's clock on PostgreSQL and the node's clock
-- elsewhere (0 when none); lease_version: raised by each claim, so that a relay whose lease expired
-- and was claimed again cannot release the new lease.
ALTER TABLE notification_outbox ADD COLUMN lease_owner VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN lease_until BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN lease_version BIGINT DEFAULT 0 NOT NULL;
-- A claim skips recipients that have a row under another relay's live lease.
CREATE INDEX notification_outbox_lease ON notification_outbox (tenant_id, recipient_id, lease_until);
