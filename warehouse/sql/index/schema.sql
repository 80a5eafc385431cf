-- The lookup index beside the Delta tables (warehouse/index.py): a cache derived from them, rebuilt
-- when missing, damaged or behind in a way appends cannot explain. Each keyed table answers one
-- lookup by its batch's own keys through a B-tree, so its cost does not grow with the archive.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Parquet files (relative to the warehouse) whose rows are in the index, per Delta table.
CREATE TABLE IF NOT EXISTS indexed_files (tbl TEXT NOT NULL, file TEXT NOT NULL, PRIMARY KEY (tbl, file)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS batches (batch_id TEXT PRIMARY KEY, committed_at INTEGER NOT NULL) WITHOUT ROWID;
-- The tables keyed by random hashes or URLs (outcomes, copies, article_clusters, line_stories, one_story_lines, pages)
-- are kept in generations
-- (warehouse/generations.py): `gen` first in the key, so a batch's rows go into the small newest generation's pages;
-- a lookup probes each generation its Bloom filter (gen_filters) says may hold a key (`gen_probes`).
-- kind: 'article' or 'rejection' (with its stage and reason; '' for articles).
CREATE TABLE IF NOT EXISTS outcomes (
    gen INTEGER NOT NULL, doc_id TEXT NOT NULL, batch_id TEXT NOT NULL, kind TEXT NOT NULL, stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (gen, doc_id, batch_id, kind, stage, reason)
) WITHOUT ROWID;
-- LSH band keys are in levels bands_0 (newest) .. bands_3 (oldest), each created from band_level.sql; their
-- rows name the batch that wrote them by a number.
CREATE TABLE IF NOT EXISTS band_batches (batch INTEGER PRIMARY KEY, batch_id TEXT NOT NULL UNIQUE);
-- Signatures (~600 bytes a row) in the order they arrive, found by the unique index on their key: a batch's rows
-- fill a few new pages at the end of the table (keyed by article id, the rows themselves split a page for every few
-- inserts, each a page written per batch). The index is keyed batch first, so a batch's entries are one place in it
-- too (keyed article first, each of a batch's 200 entries wrote a page of its own at 100,000 articles); a lookup
-- asks for the article versions (batch, article) that its band keys found (band_hits).
CREATE TABLE IF NOT EXISTS signatures (
    article_id TEXT NOT NULL, batch_id TEXT NOT NULL, scheme TEXT NOT NULL, cluster_id TEXT NOT NULL, signature BLOB NOT NULL,
    UNIQUE (batch_id, article_id, scheme)
);
-- Committed articles' clusters (an article's smallest is taken when read), and each (site line, story) pair once:
-- the stories of each line are counted as they arrive, so the chrome lookup reads only lines that are chrome.
CREATE TABLE IF NOT EXISTS article_clusters (
    gen INTEGER NOT NULL, article_id TEXT NOT NULL, cluster_id TEXT NOT NULL, PRIMARY KEY (gen, article_id, cluster_id)
) WITHOUT ROWID;
-- Keyed story first: an article's lines are one place in its generation (a batch writes a page per story at most,
-- not one per line; keyed line first, a line of every story of a site took a page per story).
CREATE TABLE IF NOT EXISTS line_stories (
    gen INTEGER NOT NULL, cluster_id TEXT NOT NULL, line_hash TEXT NOT NULL, PRIMARY KEY (gen, cluster_id, line_hash)
) WITHOUT ROWID;
-- The stories of each line of two stories or more (the chrome lookup reads all of it; most lines, a headline or a
-- byline, are in one story: those are in the generational one_story_lines, and move here with their second story).
CREATE TABLE IF NOT EXISTS chrome (line_hash TEXT PRIMARY KEY, stories INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS one_story_lines (
    gen INTEGER NOT NULL, line_hash TEXT NOT NULL, PRIMARY KEY (gen, line_hash)
) WITHOUT ROWID;
-- Each stored fetch of a URL and the document its bytes are (so a batch knows a stored page is already committed
-- without reading it); the bytes stay in the Delta table. Written once: where the fetch is stored is in page_files.
-- In generations, as outcomes (a batch's fetches land in the newest one's pages, not a page each at random URLs).
CREATE TABLE IF NOT EXISTS pages (
    gen INTEGER NOT NULL, url TEXT NOT NULL, batch_id TEXT NOT NULL, fetched_at INTEGER NOT NULL, doc_id TEXT NOT NULL,
    PRIMARY KEY (gen, url, batch_id, fetched_at)
) WITHOUT ROWID;
-- Where each stored fetch is (the file and its row group, so a lookup reads that group only), keyed batch first: a
-- compaction moves every row of the files it packs, and rewrites here a few batches' rows one after the other
-- (keyed by URL, as `pages`, each moved fetch was a page written at a random place: 1.3 s for 100,000 fetches).
CREATE TABLE IF NOT EXISTS page_files (
    batch_id TEXT NOT NULL, url TEXT NOT NULL, fetched_at INTEGER NOT NULL, file TEXT NOT NULL, row_group INTEGER NOT NULL,
    PRIMARY KEY (batch_id, url, fetched_at)
) WITHOUT ROWID;
-- raw_pages files a compaction wrote whose fetches' places are not in page_files yet: written when a lookup first asks
-- where a fetch is stored (warehouse/index.py, place_moved_pages), not by the catch-up after the compaction.
CREATE TABLE IF NOT EXISTS moved_page_files (file TEXT PRIMARY KEY) WITHOUT ROWID;
-- Committed articles by normalised text and NER model: an exact copy takes over the earlier analysis.
CREATE TABLE IF NOT EXISTS copies (
    gen INTEGER NOT NULL, text_hash TEXT NOT NULL, ner_model TEXT NOT NULL, article_id TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    PRIMARY KEY (gen, text_hash, ner_model, article_id, batch_id)
) WITHOUT ROWID;
-- Which Parquet files and row groups of entity_mentions and figures hold each batch's rows (forgotten with the
-- file): a batch's rows are one after the other in a file (its append, or a compaction that packed it with others),
-- so a batch is in a few row groups of 2,048 rows, and a lookup of an article version reads its batch's groups. Per
-- batch, not per article: a batch adds a few rows here, not one per article at a random place (each a page written
-- at 100,000 articles), and a compaction, which moves every row of the files it packs, adds a few rows per batch
-- moved (per article, it added ~100,000 at 100,000 articles, at random places).
CREATE TABLE IF NOT EXISTS batch_files (
    batch_id TEXT NOT NULL, tbl TEXT NOT NULL, file TEXT NOT NULL, row_group INTEGER NOT NULL,
    PRIMARY KEY (batch_id, tbl, file, row_group)
) WITHOUT ROWID;
-- A compaction forgets the files it replaced: found by file, not by a scan of every batch's rows.
CREATE INDEX IF NOT EXISTS batch_files_by_file ON batch_files (tbl, file);
-- The Bloom filter of each band level that holds rows (warehouse/band_filters.py), written with the level; a new
-- token each write tells a lookup that the copy it read before is out of date.
CREATE TABLE IF NOT EXISTS band_filters (level TEXT PRIMARY KEY, token TEXT NOT NULL, bits BLOB NOT NULL);
-- The Bloom filter of each generation of the generational tables (warehouse/generations.py), of its keys (the
-- column after gen); a new token each write, as band_filters.
CREATE TABLE IF NOT EXISTS gen_filters (
    tbl TEXT NOT NULL, gen INTEGER NOT NULL, token TEXT NOT NULL, bits BLOB NOT NULL, PRIMARY KEY (tbl, gen)
);
