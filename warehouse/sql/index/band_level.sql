-- One level of the LSH band keys (warehouse/index.py, BAND_LEVELS): bands_0 takes each batch's new keys,
-- each larger level is rebuilt in key order when the one above it is merged into it. Small rows: a hex key
-- as its bytes (band_value), the article version as a number (band_owners). Placeholder: {table}.
CREATE TABLE IF NOT EXISTS {table} (
    band_key TEXT NOT NULL, owner INTEGER NOT NULL, PRIMARY KEY (band_key, owner)
) WITHOUT ROWID;
