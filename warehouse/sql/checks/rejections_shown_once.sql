-- Rows returned are violations: a document shown twice in `rejections` (an input rejected on
-- every run must show only its newest rejection).
SELECT doc_id, count(*) AS n FROM rejections GROUP BY doc_id HAVING count(*) > 1;
