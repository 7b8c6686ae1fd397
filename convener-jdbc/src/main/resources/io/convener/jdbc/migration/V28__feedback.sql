-- Convener schema, version 23: feedback on results. Runs unchanged on H2 2.x, SQLite 3.24+ and
-- PostgreSQL 9.5+: common SQL only, no dialect branches. tenant_id leads the primary key and every
-- index. Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z.

-- One row per piece of feedback: what it is about (kind and the parts that kind names), the
-- verdict, the author and the review of a dispute. reason holds the ciphertext of the author's
-- reason under the author's data key (personal data, shredded with the author's key), never the
-- plaintext; it is at most 500 characters before encryption.
CREATE TABLE feedback (
  tenant_id VARCHAR(64) NOT NULL,
  feedback_id VARCHAR(128) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  member_id VARCHAR(200),
  team_id VARCHAR(200),
  outcome_id VARCHAR(200),
  risk_kind VARCHAR(32),
  verdict VARCHAR(16) NOT NULL,
  reason VARCHAR(4000) NOT NULL,
  author VARCHAR(200) NOT NULL,
  created_at BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  reviewer VARCHAR(200),
  reviewed_at BIGINT,
  CONSTRAINT feedback_pk PRIMARY KEY (tenant_id, feedback_id),
  CONSTRAINT feedback_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
-- Listing newest first, by status; the disputes that hold are read on every ranking, attribution
-- and pulse.
CREATE INDEX feedback_by_status ON feedback (tenant_id, status, created_at);
