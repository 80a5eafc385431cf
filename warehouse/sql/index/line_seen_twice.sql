-- Whether a site line is now in two stories (its pair with the story just counted is in line_stories already): then
-- it gets its `chrome` counter. Parameter: line_hash.
SELECT count(*) = 2 FROM (SELECT 1 FROM line_stories WHERE line_hash = ? LIMIT 2);
