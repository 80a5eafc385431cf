-- The lines `gen_probes` holds that are in one story so far, each looked for in the generations of one_story_lines
-- whose filter may hold it (warehouse/generations.py).
SELECT DISTINCT s.line_hash
FROM gen_probes AS p
CROSS JOIN one_story_lines AS s ON s.gen = p.gen AND s.line_hash = p.key;
