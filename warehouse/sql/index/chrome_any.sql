-- Line hashes found in at least one committed story: chrome.sql for min_stories 1, where every line counts, those of
-- one story (one_story_lines, every generation; a line of two stories or more may be there too) and the others.
SELECT line_hash FROM chrome
UNION
SELECT line_hash FROM one_story_lines;
