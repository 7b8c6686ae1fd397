-- Convener schema, version 10: the notification outbox. Runs unchanged on H2 2.x, SQLite 3.24+ and
-- PostgreSQL 9.5+: common SQL only. tenant_id leads every primary key and index.
-- Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z; booleans are INTEGER 0 or 1.

-- One row per message and recipient, written in the same transaction as the provenance entry of
-- the action that caused it (caused_by). seq runs from 1 per tenant and recipient; idem_key is
-- unique per tenant and recipient, so the same trigger twice is one message. status is the
-- message's delivery status (QUEUED, SENT, DELIVERED, UNDELIVERED); in_inbox is 1 once the
-- stream delivered it; seen_at and read_at are engagement marks (0 when not yet).
CREATE TABLE notification_outbox (
  tenant_id VARCHAR(64) NOT NULL,
  recipient_id VARCHAR(200) NOT NULL,
  seq BIGINT NOT NULL,
  idem_key VARCHAR(200) NOT NULL,
  kind VARCHAR(100) NOT NULL,
  payload VARCHAR(4000) NOT NULL,
  digest_key VARCHAR(200) NOT NULL,
  critical INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  caused_by BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  in_inbox INTEGER NOT NULL,
  seen_at BIGINT NOT NULL,
  read_at BIGINT NOT NULL,
  CONSTRAINT notification_outbox_pk PRIMARY KEY (tenant_id, recipient_id, seq),
  CONSTRAINT notification_outbox_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
CREATE UNIQUE INDEX notification_outbox_key ON notification_outbox (tenant_id, recipient_id, idem_key);
-- The relay's work list: messages not done, by when they are due.
CREATE INDEX notification_outbox_due ON notification_outbox (tenant_id, status, next_attempt_at);

-- The delivery of a message on one channel: attempts, status and when to try again.
CREATE TABLE notification_deliveries (
  tenant_id VARCHAR(64) NOT NULL,
  recipient_id VARCHAR(200) NOT NULL,
  seq BIGINT NOT NULL,
  channel VARCHAR(64) NOT NULL,
  status VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  note VARCHAR(200) NOT NULL,
  CONSTRAINT notification_deliveries_pk PRIMARY KEY (tenant_id, recipient_id, seq, channel),
  CONSTRAINT notification_deliveries_fk FOREIGN KEY (tenant_id, recipient_id, seq)
    REFERENCES notification_outbox (tenant_id, recipient_id, seq)
);
-- Throttles count what a channel delivered to a recipient lately.
CREATE INDEX notification_deliveries_recent ON notification_deliveries (tenant_id, recipient_id, channel, updated_at);

-- Messages a channel gave up on: retries used up, or rejected as not retryable.
CREATE TABLE notification_dead_letters (
  tenant_id VARCHAR(64) NOT NULL,
  recipient_id VARCHAR(200) NOT NULL,
  seq BIGINT NOT NULL,
  channel VARCHAR(64) NOT NULL,
  attempts INTEGER NOT NULL,
  at BIGINT NOT NULL,
  note VARCHAR(200) NOT NULL,
  CONSTRAINT notification_dead_letters_pk PRIMARY KEY (tenant_id, recipient_id, seq, channel)
);
CREATE INDEX notification_dead_letters_by_time ON notification_dead_letters (tenant_id, at);

-- A recipient's preferences, as one JSON object.
CREATE TABLE notification_preferences (
  tenant_id VARCHAR(64) NOT NULL,
  recipient_id VARCHAR(200) NOT NULL,
  prefs VARCHAR(4000) NOT NULL,
  CONSTRAINT notification_preferences_pk PRIMARY KEY (tenant_id, recipient_id),
  CONSTRAINT notification_preferences_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
