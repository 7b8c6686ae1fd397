-- Convener schema, version 13: an entry can be the replay of an earlier one. Common SQL only; runs
-- unchanged on H2 2.x, SQLite 3.24+ and PostgreSQL 9.5+.
--
-- replay_of: the earlier entry of the same tenant's log whose result this call handed out again
-- (an HTTP idempotent replay that passed its own checks). NULL for every other entry, so every
-- entry written before this version keeps its canonical form and leaf hash. No foreign key: SQLite
-- cannot add a table constraint to an existing table; the entry's constructor checks that it names
-- an earlier entry, and verification hashes it with the rest of the entry.
ALTER TABLE provenance_entries ADD COLUMN replay_of BIGINT;
