-- A merged run of the LSH band keys (warehouse/index.py, _merge_band_runs): one row per key, its (article id, batch)
-- pairs in `rows` (an article id, char(31), the batch's number; pairs joined by char(30)). A key found costs one
-- seek and one row, where a run of a row per pair cost a walk bounded by a second walk (band_hits.sql) with two
-- joins a row: at 101,000 articles each found key is on a leaf of its own either way, and that leaf's one row is
-- what a batch then pays (docs/benchmarks.md, lookup9). Placeholder: {table}.
CREATE TABLE IF NOT EXISTS {table} (band_key TEXT NOT NULL PRIMARY KEY, rows TEXT NOT NULL) WITHOUT ROWID;
