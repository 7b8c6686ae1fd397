-- Convener schema, version 4: the provenance log. Common SQL only, as in V1; runs unchanged on
-- H2 2.x, SQLite 3.24+ and PostgreSQL 9.5+. tenant_id leads every primary key and index.
-- Shaped after W3C PROV: each entry is an activity (one public call or system action) associated
-- with an agent; the entities it used and generated are child rows. Hashes are lower-case hex.
-- Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z.

-- The head of each tenant's log: the compare-and-set row that serialises appends (an append
-- updates it WHERE tree_size = the size it started from), the Merkle root and the frontier
-- (compact range: one hex hash per set bit of tree_size, largest subtree first, comma-separated).
CREATE TABLE provenance_heads (
  tenant_id VARCHAR(64) NOT NULL,
  tree_size BIGINT NOT NULL,
  root_hash VARCHAR(64) NOT NULL,
  frontier VARCHAR NOT NULL,
  last_at BIGINT NOT NULL,
  CONSTRAINT provenance_heads_pk PRIMARY KEY (tenant_id),
  CONSTRAINT provenance_heads_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- prov:Agent. agent_kind is PRINCIPAL or SYSTEM.
CREATE TABLE provenance_agents (
  tenant_id VARCHAR(64) NOT NULL,
  agent_kind VARCHAR(16) NOT NULL,
  agent_id VARCHAR(200) NOT NULL,
  CONSTRAINT provenance_agents_pk PRIMARY KEY (tenant_id, agent_kind, agent_id),
  CONSTRAINT provenance_agents_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- prov:Activity, one per entry. seq is the 0-based position in the tenant's log and the Merkle
-- leaf index. agent_roles: the principal's roles when it acted, sorted, comma-separated
-- (prov:role of the association). caused_by: prov:wasInformedBy an earlier entry.
-- leaf_hash: SHA-256(0x00 || RFC 8785 canonical form of the entry); root_after: the Merkle root
-- of entries 0..seq.
CREATE TABLE provenance_entries (
  tenant_id VARCHAR(64) NOT NULL,
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  activity VARCHAR(100) NOT NULL,
  agent_kind VARCHAR(16) NOT NULL,
  agent_id VARCHAR(200) NOT NULL,
  agent_roles VARCHAR(200) NOT NULL,
  input_digest VARCHAR(64) NOT NULL,
  outcome VARCHAR(8) NOT NULL,
  outcome_code VARCHAR(64) NOT NULL,
  outcome_reason VARCHAR(1000) NOT NULL,
  caused_by BIGINT,
  leaf_hash VARCHAR(64) NOT NULL,
  root_after VARCHAR(64) NOT NULL,
  CONSTRAINT provenance_entries_pk PRIMARY KEY (tenant_id, seq),
  CONSTRAINT provenance_entries_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id),
  CONSTRAINT provenance_entries_agent_fk FOREIGN KEY (tenant_id, agent_kind, agent_id)
    REFERENCES provenance_agents (tenant_id, agent_kind, agent_id),
  CONSTRAINT provenance_entries_caused_by_fk FOREIGN KEY (tenant_id, caused_by)
    REFERENCES provenance_entries (tenant_id, seq)
);
CREATE INDEX provenance_entries_by_time ON provenance_entries (tenant_id, at, seq);
CREATE INDEX provenance_entries_by_activity ON provenance_entries (tenant_id, activity, seq);
CREATE INDEX provenance_entries_by_agent ON provenance_entries (tenant_id, agent_id, seq);

-- prov:Entity: ids of things activities used or generated, such as input:sha256:<hex>.
CREATE TABLE provenance_entities (
  tenant_id VARCHAR(64) NOT NULL,
  entity_id VARCHAR(400) NOT NULL,
  CONSTRAINT provenance_entities_pk PRIMARY KEY (tenant_id, entity_id),
  CONSTRAINT provenance_entities_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- prov:used, in the order the entry lists them.
CREATE TABLE provenance_used (
  tenant_id VARCHAR(64) NOT NULL,
  seq BIGINT NOT NULL,
  ordinal INTEGER NOT NULL,
  entity_id VARCHAR(400) NOT NULL,
  CONSTRAINT provenance_used_pk PRIMARY KEY (tenant_id, seq, ordinal),
  CONSTRAINT provenance_used_entry_fk FOREIGN KEY (tenant_id, seq) REFERENCES provenance_entries (tenant_id, seq),
  CONSTRAINT provenance_used_entity_fk FOREIGN KEY (tenant_id, entity_id)
    REFERENCES provenance_entities (tenant_id, entity_id)
);
CREATE INDEX provenance_used_by_entity ON provenance_used (tenant_id, entity_id, seq);

-- prov:wasGeneratedBy, in the order the entry lists them.
CREATE TABLE provenance_generated (
  tenant_id VARCHAR(64) NOT NULL,
  seq BIGINT NOT NULL,
  ordinal INTEGER NOT NULL,
  entity_id VARCHAR(400) NOT NULL,
  CONSTRAINT provenance_generated_pk PRIMARY KEY (tenant_id, seq, ordinal),
  CONSTRAINT provenance_generated_entry_fk FOREIGN KEY (tenant_id, seq)
    REFERENCES provenance_entries (tenant_id, seq),
  CONSTRAINT provenance_generated_entity_fk FOREIGN KEY (tenant_id, entity_id)
    REFERENCES provenance_entities (tenant_id, entity_id)
);
CREATE INDEX provenance_generated_by_entity ON provenance_generated (tenant_id, entity_id, seq);

-- Signed checkpoints (C2SP signed notes) of each tenant's log, as signed.
CREATE TABLE provenance_checkpoints (
  tenant_id VARCHAR(64) NOT NULL,
  tree_size BIGINT NOT NULL,
  signed_at BIGINT NOT NULL,
  note VARCHAR NOT NULL,
  CONSTRAINT provenance_checkpoints_pk PRIMARY KEY (tenant_id, tree_size, signed_at),
  CONSTRAINT provenance_checkpoints_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);

-- Each tenant's Ed25519 checkpoint signing key, until a KeyProvider holds it: base64 of the
-- PKCS #8 private key and the X.509 public key. Not encrypted here.
CREATE TABLE provenance_signing_keys (
  tenant_id VARCHAR(64) NOT NULL,
  key_name VARCHAR(255) NOT NULL,
  private_key VARCHAR NOT NULL,
  public_key VARCHAR NOT NULL,
  CONSTRAINT provenance_signing_keys_pk PRIMARY KEY (tenant_id),
  CONSTRAINT provenance_signing_keys_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
