-- H2 gets an index for the title look-up of the ingest at this version. PostgreSQL already
-- reads that IN list through the unique key on (org_id, display_name, ...), so this migration
-- only keeps the version history of both databases the same.
SELECT 1;
