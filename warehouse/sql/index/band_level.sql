-- One level of the LSH band keys (warehouse/index.py, BAND_LEVELS): bands_0 takes each batch's new keys,
-- each larger level is rebuilt in key order when the one above it is merged into it. Keyed by (band_key,
-- article_id), so a lookup walks a key's articles smallest id first and stops after the few it needs
-- (band_hits.sql). Small rows: a hex key as its bytes (band_value), the batch as a number (band_batches).
-- Placeholder: {table}.
CREATE TABLE IF NOT EXISTS {table} (
    band_key TEXT NOT NULL, article_id TEXT NOT NULL, batch INTEGER NOT NULL, PRIMARY KEY (band_key, article_id, batch)
) WITHOUT ROWID;
