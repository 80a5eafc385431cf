-- The (story, line) pairs already counted for the stories `gen_probes` holds, each in the generations of
-- line_stories whose filter may hold it (warehouse/generations.py): a pair is counted in `chrome` once.
SELECT s.cluster_id, s.line_hash
FROM gen_probes AS p
CROSS JOIN line_stories AS s ON s.gen = p.gen AND s.cluster_id = p.key;
