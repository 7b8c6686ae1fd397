-- Convener schema, version 11: event blocks and the event counter. Runs unchanged on H2 2.x,
-- SQLite 3.24+ and PostgreSQL 9.5+: common SQL only. tenant_id leads every primary key.

-- Compact copies of a tenant's events, in opaque blocks that a service writes and reads back in a
-- few large reads instead of one row per event (EventBlockStore). A cache, never the record: the
-- events table is. stream names the service and format; seq runs from 1 per tenant and stream, in
-- append order; events is how many of the tenant's stored events the block accounts for.
-- data is BYTEA, the one binary type name all three accept: PostgreSQL's own type, an alias of
-- VARBINARY (unbounded) on H2, and on SQLite a name of no special affinity under which a BLOB is
-- kept as a BLOB, byte for byte. (VARBINARY and BLOB do not exist on PostgreSQL.)
CREATE TABLE event_blocks (
  tenant_id VARCHAR(64) NOT NULL,
  stream VARCHAR(100) NOT NULL,
  seq BIGINT NOT NULL,
  events BIGINT NOT NULL,
  data BYTEA NOT NULL,
  CONSTRAINT event_blocks_pk PRIMARY KEY (tenant_id, stream, seq),
  CONSTRAINT event_blocks_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- One row per tenant and stream that has blocks: how many, how many events they account for, and
-- the seq of the next block. Kept in the same transaction as every append and replace, so that
-- neither reads the blocks (on H2, MAX(seq) or SUM(events) under a WHERE reads every row, blocks
-- of a mebibyte included: appends got slower with every block).
CREATE TABLE event_block_streams (
  tenant_id VARCHAR(64) NOT NULL,
  stream VARCHAR(100) NOT NULL,
  blocks BIGINT NOT NULL,
  events BIGINT NOT NULL,
  next_seq BIGINT NOT NULL,
  CONSTRAINT event_block_streams_pk PRIMARY KEY (tenant_id, stream),
  CONSTRAINT event_block_streams_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- How many events the tenant has stored: the event store adds the rows each insert really wrote,
-- in the same transaction, so that counting all of a tenant's events reads one row instead of
-- the whole index. Events are never deleted, so it never goes down.
ALTER TABLE tenants ADD COLUMN event_count BIGINT NOT NULL DEFAULT 0;
-- Events stored before this version.
UPDATE tenants SET event_count = (SELECT COUNT(*) FROM events e WHERE e.tenant_id = tenants.tenant_id);
