-- Expression indexes for the text comparisons of the query language, which compare
-- lower(coalesce(column, '')) so that matching ignores case. H2 cannot index
-- expressions, so these exist on PostgreSQL only; the H2 folder has a no-op of the
-- same version so that both databases share one version history.

CREATE INDEX ix_machine_org_id_lower_name ON machine (org_id, (lower(coalesce(name, ''))));
CREATE INDEX ix_software_org_id_lower_display_name ON software (org_id, (lower(coalesce(display_name, ''))));
