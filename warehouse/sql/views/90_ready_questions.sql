-- Ready questions, as table macros: SELECT * FROM entity_timeline('United States', 'week').
-- An entity argument is a canonical name (any case) or an entity_id; a name several entities
-- share (a LOC and an ORG) means all of them. What each returns, with examples:
-- docs/views.md#ready-questions.
--
-- Fast on a large warehouse: each macro finds the entity's ids first, then their mentions, and
-- joins those by key (article_id, batch_id: the rows of the article version the articles view
-- shows, as entity_mentions and figures read them) to _story_keys, the story of each shown
-- article without its text; names come from _entities (an entity_id is a hash of its name and
-- label, so every row of an id names it alike). No macro computes a view that reads article text
-- unless it shows text columns, and each groups once.

-- The entities a name or id means.
CREATE MACRO entity_ids(entity) AS TABLE
SELECT e.entity_id, min(e.name) AS name, min(e.label) AS label
FROM _entities AS e
WHERE e.entity_id = entity OR lower(e.name) = lower(entity)
GROUP BY e.entity_id;

-- An entity's stories, articles and mentions per day, week, month, quarter or year: stories (a
-- story whose representative mentions it, once however many copies) by story_date; articles
-- (every copy that mentions it) and their mentions by the article's own article_date.
CREATE MACRO entity_timeline(entity, grain := 'day') AS TABLE
WITH hits AS MATERIALIZED (
    SELECT k.story_id, k.representative, k.article_date, k.story_date, count(*) AS mentions
    FROM _entity_mentions AS m
    JOIN _story_keys AS k ON k.article_id = m.article_id AND k.batch_id = m.batch_id
    WHERE m.entity_id IN (SELECT entity_id FROM entity_ids(entity))
    GROUP BY k.article_id, k.story_id, k.representative, k.article_date, k.story_date
), by_story AS (
    SELECT CAST(date_trunc(grain, story_date) AS DATE) AS period, count(DISTINCT story_id) AS stories
    FROM hits
    WHERE representative
    GROUP BY ALL
), by_article AS (
    SELECT CAST(date_trunc(grain, article_date) AS DATE) AS period, count(*) AS articles, sum(mentions) AS mentions
    FROM hits
    GROUP BY ALL
)
SELECT period, coalesce(stories, 0) AS stories, coalesce(articles, 0) AS articles,
       CAST(coalesce(mentions, 0) AS BIGINT) AS mentions
FROM by_story
FULL JOIN by_article USING (period)
ORDER BY period;

-- The entities that appear in the same stories as an entity (in their representatives): in how
-- many stories, and which (story_ids, newest story first; titles and more: the stories view).
CREATE MACRO mentioned_with(entity) AS TABLE
WITH representatives AS MATERIALIZED (
    SELECT story_id, article_id, batch_id, story_date FROM _story_keys WHERE representative
), chosen AS MATERIALIZED (
    SELECT entity_id FROM entity_ids(entity)
), own AS MATERIALIZED (
    -- The representatives that mention the entity: only their mentions are read again below.
    SELECT DISTINCT r.story_id, r.article_id, r.batch_id, r.story_date
    FROM _entity_mentions AS m
    JOIN representatives AS r ON r.article_id = m.article_id AND r.batch_id = m.batch_id
    WHERE m.entity_id IN (SELECT entity_id FROM chosen)
), pairs AS (
    SELECT DISTINCT o.story_id, o.story_date, m.entity_id
    FROM _entity_mentions AS m
    JOIN own AS o ON o.article_id = m.article_id AND o.batch_id = m.batch_id
    WHERE m.entity_id NOT IN (SELECT entity_id FROM chosen)
), together AS (
    SELECT entity_id, count(*) AS stories, list(story_id ORDER BY story_date DESC, story_id) AS story_ids
    FROM pairs
    GROUP BY entity_id
)
SELECT t.entity_id, e.name, e.label, t.stories, t.story_ids
FROM together AS t
JOIN (SELECT entity_id, min(name) AS name, min(label) AS label FROM _entities GROUP BY entity_id) AS e
    ON e.entity_id = t.entity_id
ORDER BY t.stories DESC, e.name, e.entity_id;

-- The figures an entity holds, gives or receives, once per story (from its representative):
-- object matches as a case-insensitive substring ('troop' finds 'troops' and 'additional
-- troops'), role is 'holder', 'giver' or 'receiver'; leave either out for all.
CREATE MACRO figures_of(entity, object := NULL, role := NULL) AS TABLE
WITH representatives AS (
    SELECT k.story_id, k.article_id, k.batch_id, a.title, k.story_date
    FROM _story_keys AS k
    JOIN _articles AS a ON a.article_id = k.article_id AND a.batch_id = k.batch_id AND a.doc_id = k.doc_id
    WHERE k.representative
)
SELECT r.story_id, r.story_date, r.title, e.name AS entity, f.role, f.surface, f.value, f.value_low, f.value_high,
       f.approximate, f.qualifier, f.unit, f.object, f.kind, f.sentence, f.article_id, f.figure_id
FROM _figures AS f
JOIN representatives AS r ON r.article_id = f.article_id AND r.batch_id = f.batch_id
JOIN entity_ids(entity) AS e ON e.entity_id = f.entity_id
WHERE (object IS NULL OR contains(lower(f.object), lower(object)))
  AND (role IS NULL OR f.role = role)
ORDER BY r.story_date, r.story_id, f.char_start;

-- One article with its story, its entities (name, label, mentions; most mentioned first) and its
-- figures (in text order, with the entity holding each and its role), as lists in one row.
CREATE MACRO article_details(article) AS TABLE
WITH copy AS MATERIALIZED (
    SELECT * EXCLUDE (text) FROM story_copies WHERE article_id = article
), names AS (
    SELECT entity_id, min(name) AS name, min(label) AS label FROM _entities GROUP BY entity_id
), named AS (
    SELECT m.entity_id, count(*) AS mentions
    FROM _entity_mentions AS m
    JOIN copy AS c ON c.article_id = m.article_id AND c.batch_id = m.batch_id
    GROUP BY m.entity_id
), mentioned AS (
    SELECT list({'name': e.name, 'label': e.label, 'mentions': n.mentions} ORDER BY n.mentions DESC, e.name) AS entities
    FROM named AS n
    JOIN names AS e ON e.entity_id = n.entity_id
), counted AS (
    SELECT list(
               {'surface': f.surface, 'value': f.value, 'value_low': f.value_low, 'value_high': f.value_high,
                'unit': f.unit, 'object': f.object, 'kind': f.kind, 'entity': e.name, 'role': f.role}
               ORDER BY f.char_start
           ) AS figures
    FROM _figures AS f
    JOIN copy AS c ON c.article_id = f.article_id AND c.batch_id = f.batch_id
    LEFT JOIN names AS e ON e.entity_id = f.entity_id
)
SELECT c.article_id, c.story_id, c.representative, c.title, c.url, c.site, c.article_date, c.language,
       c.word_count, coalesce(mentioned.entities, []) AS entities, coalesce(counted.figures, []) AS figures
FROM copy AS c, mentioned, counted;

-- The copies of a story, given its story_id or the article_id of any copy: the representative
-- first, then in the order the archive committed them; same_text says whether a copy's text is
-- exactly the representative's.
CREATE MACRO copies_of(story_or_article) AS TABLE
WITH copies AS MATERIALIZED (
    SELECT story_id, representative, text_hash, article_id, site, title, url, source, article_date, seen_at, word_count
    FROM story_copies
), story AS (
    SELECT DISTINCT story_id FROM copies WHERE story_id = story_or_article OR article_id = story_or_article
)
SELECT c.story_id, c.representative,
       c.text_hash = first(c.text_hash) OVER (PARTITION BY c.story_id ORDER BY c.representative DESC) AS same_text,
       c.* EXCLUDE (story_id, representative, text_hash)
FROM copies AS c
SEMI JOIN story ON story.story_id = c.story_id
ORDER BY c.story_id, c.representative DESC, c.seen_at, c.source, c.article_id;

-- Rejected inputs per day, week, month, quarter or year (the UTC start of the run that decided
-- each), by stage and reason.
CREATE MACRO rejections_over_time(grain := 'day') AS TABLE
WITH started AS (
    SELECT run_id, min(started_at) AS started_at FROM _runs GROUP BY run_id
)
SELECT CAST(date_trunc(grain, CAST(timezone('UTC', s.started_at) AS DATE)) AS DATE) AS period,
       r.stage, r.reason, count(*) AS rejections
FROM rejections AS r
LEFT JOIN started AS s ON s.run_id = r.run_id
GROUP BY ALL
ORDER BY period, rejections DESC, r.stage, r.reason;
