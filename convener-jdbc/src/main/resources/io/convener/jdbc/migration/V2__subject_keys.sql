-- Convener schema, version 2: encryption at rest. Common SQL for H2 2.x, SQLite and PostgreSQL.
--
-- From this version on, member_personal.display_name and member_personal.email hold ciphertext
-- only (ASCII text made by the PersonalDataCipher, bound to tenant, member and field), never
-- plaintext. Rows written by the unreleased version-1 code held plaintext; reading such a row
-- fails with an integrity error until the member is upserted again.

-- Each member's data key, wrapped under one of the tenant's key-encryption keys (which live
-- outside the database, in the KeyProvider). Deleting a row crypto-shreds that member.
-- key_id: random id of the data key, named by every ciphertext made under it.
-- wrapping_key_id: id of the key-encryption key that wrapped it, to find keys to re-wrap.
CREATE TABLE subject_keys (
  tenant_id VARCHAR(64) NOT NULL,
  subject_id VARCHAR(200) NOT NULL,
  key_id BIGINT NOT NULL,
  wrapping_key_id INTEGER NOT NULL,
  wrapped_key VARCHAR(400) NOT NULL,
  CONSTRAINT subject_keys_pk PRIMARY KEY (tenant_id, subject_id),
  CONSTRAINT subject_keys_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
