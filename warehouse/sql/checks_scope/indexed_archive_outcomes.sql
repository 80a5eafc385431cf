-- archive_outcomes (as checks_scope/archive_outcomes.sql names it) over the outcomes the lookup index gave.
CREATE OR REPLACE TEMP VIEW archive_outcomes AS SELECT doc_id, batch_id FROM indexed_outcomes;
