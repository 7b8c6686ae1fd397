-- Convener schema, version 30: webhooks that push each new signed checkpoint of a tenant's log to
-- an outside auditor (a witness, not a member). Common SQL only; runs unchanged on H2 2.x, SQLite
-- 3.24+ and PostgreSQL 9.5+. Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z.
--
-- sealed_secret: the HMAC secret, AES-256-GCM under the tenant's primary key-encryption key (the
-- key id in the text), bound to the tenant and the webhook id; never in plain text.
-- delivered_at_ms, delivered_size: the feed cursor of the last checkpoint the receiver acknowledged
-- with a 2xx (0 and -1: none yet). failures: failed attempts in a row; next_attempt_at: when the
-- scheduled job tries again (0: at once).
CREATE TABLE checkpoint_webhooks (
  tenant_id VARCHAR(64) NOT NULL,
  webhook_id VARCHAR(32) NOT NULL,
  url VARCHAR(2048) NOT NULL,
  sealed_secret VARCHAR(512) NOT NULL,
  delivered_at_ms BIGINT NOT NULL,
  delivered_size BIGINT NOT NULL,
  failures INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by VARCHAR(256) NOT NULL,
  CONSTRAINT checkpoint_webhooks_pk PRIMARY KEY (tenant_id, webhook_id),
  CONSTRAINT checkpoint_webhooks_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
