-- The outcomes the lookup index gave for the checked documents (warehouse/query.py checked_scope), as the rows
-- documents_committed_once.sql compares them with: $1 the doc ids, $2 each one's batch, in the same order.
CREATE OR REPLACE TEMP TABLE indexed_outcomes AS
SELECT unnest($1::VARCHAR[]) AS doc_id, unnest($2::VARCHAR[]) AS batch_id;
