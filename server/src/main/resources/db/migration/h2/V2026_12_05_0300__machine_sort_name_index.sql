-- PostgreSQL gets an expression index for sorting by name at this version; H2 cannot index
-- expressions, so this migration only keeps the version history of both databases the same.
SELECT 1;
