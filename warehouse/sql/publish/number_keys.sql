-- The numbers of the keys in `wanted` (warehouse/views.py _number_keys): the rows of
-- newsetl_publish.key_numbers whose hash is a wanted key's are found by that integer column, then read
-- by their row ids and kept where the whole text is the wanted key's (two keys may share a hash; no two
-- share a number). A key the views database has not numbered takes the next number: every number is
-- greater than the stored rows' (zone maps skip their row groups when every dirty key is new).
CREATE OR REPLACE TEMP TABLE number_candidates AS
SELECT rowid AS candidate FROM newsetl_publish.key_numbers WHERE key_hash IN (SELECT key_hash FROM wanted);
CREATE OR REPLACE TEMP TABLE found_numbers AS
SELECT key, no FROM newsetl_publish.key_numbers WHERE rowid IN (SELECT candidate FROM number_candidates);
INSERT INTO numbers
SELECT key, no FROM found_numbers SEMI JOIN wanted USING (key);
CREATE OR REPLACE TEMP TABLE new_numbers AS
SELECT w.key, w.key_hash,
       CAST((SELECT coalesce(max(no), 0) FROM newsetl_publish.key_numbers) + row_number() OVER (ORDER BY w.key) AS INTEGER) AS no
FROM wanted AS w
ANTI JOIN found_numbers AS f USING (key);
INSERT INTO newsetl_publish.key_numbers SELECT key_hash, key, no FROM new_numbers;
INSERT INTO numbers SELECT key, no FROM new_numbers;
