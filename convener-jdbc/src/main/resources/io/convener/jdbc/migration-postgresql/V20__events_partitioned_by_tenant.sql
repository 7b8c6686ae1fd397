-- Convener schema, version 20, PostgreSQL only (PostgreSQL 11 or later): the events table,
-- partitioned by a hash of tenant_id into 16 partitions. H2 and SQLite stores never see this
-- version. Every statement on events leads with tenant_id = ..., so each reads one partition,
-- and the primary key (tenant_id, event_id) stays as it was: a partition key must be part of every
-- unique key, and tenant_id is. (Partitions by time would need at in the primary key, so that two
-- events with one id and different instants would both be stored: the first write of an id would
-- no longer win.) Each partition is vacuumed, analysed and indexed on its own, a sixteenth of the
-- table; the number of partitions is fixed here, and changing it takes another migration.
--
-- A store that already holds events is converted in this migration's transaction: the table is
-- renamed, its rows copied into the partitioned table, then dropped. The old table's indexes go
-- first, so the copy is one sequential read, and the keys and indexes are built after it. Columns,
-- defaults, keys, indexes and the foreign key are those of V1 and V15, under the same names.

ALTER TABLE events RENAME TO events_unpartitioned;
ALTER TABLE events_unpartitioned DROP CONSTRAINT events_pk;
DROP INDEX events_by_time;
DROP INDEX events_by_change;

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
  seq BIGINT NOT NULL DEFAULT 0
) PARTITION BY HASH (tenant_id);

CREATE TABLE events_p00 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 0);
CREATE TABLE events_p01 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 1);
CREATE TABLE events_p02 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 2);
CREATE TABLE events_p03 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 3);
CREATE TABLE events_p04 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 4);
CREATE TABLE events_p05 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 5);
CREATE TABLE events_p06 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 6);
CREATE TABLE events_p07 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 7);
CREATE TABLE events_p08 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 8);
CREATE TABLE events_p09 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 9);
CREATE TABLE events_p10 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 10);
CREATE TABLE events_p11 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 11);
CREATE TABLE events_p12 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 12);
CREATE TABLE events_p13 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 13);
CREATE TABLE events_p14 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 14);
CREATE TABLE events_p15 PARTITION OF events FOR VALUES WITH (MODULUS 16, REMAINDER 15);

INSERT INTO events (tenant_id, event_id, at, kind, actor, team, weight, sentiment, targets, refs, tags, attrs, seq)
SELECT tenant_id, event_id, at, kind, actor, team, weight, sentiment, targets, refs, tags, attrs, seq
FROM events_unpartitioned;

DROP TABLE events_unpartitioned;

ALTER TABLE events ADD CONSTRAINT events_pk PRIMARY KEY (tenant_id, event_id);
ALTER TABLE events ADD CONSTRAINT events_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id);
-- Time-ordered scans of a window: (at, event_id) is the scan order.
CREATE INDEX events_by_time ON events (tenant_id, at, event_id);
-- What changed after a value of the tenant's change counter (V15).
CREATE INDEX events_by_change ON events (tenant_id, seq);

-- Statistics for the copied rows, so that the first queries are planned on them.
ANALYZE events;
