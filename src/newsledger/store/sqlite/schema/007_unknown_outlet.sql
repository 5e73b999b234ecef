-- newsledger store, schema 007: one sentinel for an unknown outlet, "(unknown outlet)" (records.UNKNOWN_OUTLET).
-- Attribution chains were rooted at "(outlet unknown)" while descriptors were counted under "(unknown outlet)",
-- so a join on outlet split one unknown in two. Rewrite the stored chains (JSON arrays) and source names.
UPDATE attributions SET chain = replace(chain, '"(outlet unknown)"', '"(unknown outlet)"')
 WHERE chain LIKE '%"(outlet unknown)"%';
UPDATE attributions SET source_name = '(unknown outlet)' WHERE source_name = '(outlet unknown)';
