-- Line hashes found in at least one committed story: chrome.sql for min_stories 1, where every line counts (the
-- partial index chrome_by_stories holds no line of one story, so this reads the whole table).
SELECT line_hash FROM chrome;
