-- Convener schema, version 18: rate-limit buckets shared by every node on the database, for the
-- shared quota mode (RateLimits.sharedStore). Runs unchanged on H2 2.x, SQLite 3.24+ and
-- PostgreSQL 9.5+: common SQL only. tenant_id leads every key. Instants are BIGINT nanoseconds
-- since 1970-01-01T00:00:00Z.

-- One row per bucket: bucket names the API (and, for a subject's share, a digest of the subject),
-- state is Bucket4j's serialised bucket (BYTEA: the one binary type name all three accept, see
-- V11), written by compare and swap. A bucket is full again at expires_at, and may then be purged.
CREATE TABLE quota_buckets (
  tenant_id VARCHAR(64) NOT NULL,
  bucket VARCHAR(200) NOT NULL,
  state BYTEA NOT NULL,
  expires_at BIGINT NOT NULL,
  CONSTRAINT quota_buckets_pk PRIMARY KEY (tenant_id, bucket),
  CONSTRAINT quota_buckets_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

CREATE INDEX quota_buckets_expiry ON quota_buckets (tenant_id, expires_at);
