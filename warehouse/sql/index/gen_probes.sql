-- Fills the temporary table gen_probes (warehouse/generations.py, fill_probes) from one JSON object: each generation's
-- number and the keys its filter may hold.
INSERT OR IGNORE INTO gen_probes
SELECT CAST(g.key AS INTEGER), k.value
FROM json_each(?) AS g, json_each(g.value) AS k;
