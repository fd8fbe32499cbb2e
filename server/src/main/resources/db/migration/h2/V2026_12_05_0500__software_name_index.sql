-- The ingest looks up a machine's titles with org_id = ? AND display_name IN (up to 500
-- values). H2 read them through the unique key, which starts with org_id, and compared every
-- title of the organization with every value of the list: about 300 ms of CPU per new machine
-- with the 20,000 titles of a generated organization. The look-up names this index instead.
CREATE INDEX ix_software_display_name_org_id ON software (display_name, org_id);
