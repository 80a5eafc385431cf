-- Line hashes found in at least one committed story: chrome.sql with min_stories 1, where every line counts. `chrome`
-- keeps counters from two stories up, so this reads the (line, story) pairs.
SELECT DISTINCT line_hash FROM line_stories;
