-- What a views database's stored story tables reflect (warehouse/views.py): the publish format and
-- the fingerprint of the views' SQL, each input table's Delta id, version and commit hash, and the
-- committed batches whose rows they hold (their markers whole: a publish reads from the tables only
-- the markers committed since, warehouse/views.py `_committed_batches`). Kept beside the tables,
-- never instead of them: a publish that finds any of it missing or disagreeing with the tables
-- rebuilds everything.
CREATE SCHEMA newsetl_publish;
CREATE TABLE newsetl_publish.state (name VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE newsetl_publish.batches AS SELECT * FROM batches;
