-- Convener schema, version 5: approvals. Runs unchanged on H2 2.x, SQLite 3.24+ and PostgreSQL 9.5+:
-- common SQL only, no dialect branches. tenant_id leads every primary key and index.
-- Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z; booleans are INTEGER 0 or 1.

-- One row per approval: what was asked, by whom, the policy rule's snapshot, and where it stands.
-- vote_count is the number of its approval_votes rows; an update checks it (and the status) so
-- that two concurrent votes cannot both be counted against the same state.
CREATE TABLE approvals (
  tenant_id VARCHAR(64) NOT NULL,
  approval_id VARCHAR(128) NOT NULL,
  subject VARCHAR(200) NOT NULL,
  purpose VARCHAR(100) NOT NULL,
  scope VARCHAR(1000) NOT NULL,
  requester VARCHAR(200) NOT NULL,
  subject_must_approve INTEGER NOT NULL,
  admins_required INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  vote_count INTEGER NOT NULL,
  CONSTRAINT approvals_pk PRIMARY KEY (tenant_id, approval_id),
  CONSTRAINT approvals_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
-- Listing, newest first, optionally by status.
CREATE INDEX approvals_by_status ON approvals (tenant_id, status, created_at);
CREATE INDEX approvals_by_subject ON approvals (tenant_id, subject);

-- The votes of an approval, in the order cast; never updated or deleted.
CREATE TABLE approval_votes (
  tenant_id VARCHAR(64) NOT NULL,
  approval_id VARCHAR(128) NOT NULL,
  seq INTEGER NOT NULL,
  approver VARCHAR(200) NOT NULL,
  capacity VARCHAR(16) NOT NULL,
  decision VARCHAR(16) NOT NULL,
  reason VARCHAR(1000) NOT NULL,
  at BIGINT NOT NULL,
  CONSTRAINT approval_votes_pk PRIMARY KEY (tenant_id, approval_id, seq),
  CONSTRAINT approval_votes_approval_fk FOREIGN KEY (tenant_id, approval_id)
    REFERENCES approvals (tenant_id, approval_id)
);
