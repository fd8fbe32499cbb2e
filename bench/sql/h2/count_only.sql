select count(*) from machine where machine.org_id = cast(CAST(1 AS BIGINT) as bigint);
