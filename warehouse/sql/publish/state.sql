-- What a views database's stored story tables reflect (warehouse/views.py): the publish format and
-- the fingerprint of the views' SQL, each input table's Delta id, version and commit hash, and the
-- committed batches whose rows they hold. Kept beside the tables, never instead of them: a publish
-- that finds any of it missing or disagreeing with the tables rebuilds everything.
CREATE SCHEMA newsetl_publish;
CREATE TABLE newsetl_publish.state (name VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE newsetl_publish.batches AS SELECT batch_id FROM batches;
