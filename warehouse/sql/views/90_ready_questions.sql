-- Ready questions, as table macros: SELECT * FROM entity_timeline('United States', 'week').
-- An entity argument is a canonical name (any case) or an entity_id; a name several entities
-- share (a LOC and an ORG) means all of them. Each macro reads the views once and groups once.
-- What each returns, with examples: docs/views.md#ready-questions.

-- The entity_ids a name or id means.
CREATE MACRO entity_ids(entity) AS TABLE
SELECT DISTINCT e.entity_id
FROM _entities AS e
WHERE e.entity_id = entity OR lower(e.name) = lower(entity);

-- An entity's stories, articles and mentions per day, week, month, quarter or year: stories by
-- story_date, counted once however many copies; articles (every copy) by their article_date.
CREATE MACRO entity_timeline(entity, grain := 'day') AS TABLE
WITH by_story AS (
    SELECT CAST(date_trunc(grain, s.story_date) AS DATE) AS period, count(DISTINCT x.story_id) AS stories
    FROM story_entities AS x
    SEMI JOIN entity_ids(entity) AS i ON i.entity_id = x.entity_id
    JOIN stories AS s ON s.story_id = x.story_id
    GROUP BY ALL
), by_article AS (
    SELECT CAST(date_trunc(grain, c.article_date) AS DATE) AS period,
           count(DISTINCT m.article_id) AS articles,
           count(*) AS mentions
    FROM entity_mentions AS m
    SEMI JOIN entity_ids(entity) AS i ON i.entity_id = m.entity_id
    JOIN story_copies AS c ON c.article_id = m.article_id
    GROUP BY ALL
)
SELECT period, coalesce(stories, 0) AS stories, coalesce(articles, 0) AS articles, coalesce(mentions, 0) AS mentions
FROM by_story
FULL JOIN by_article USING (period)
ORDER BY period;

-- The entities that appear in the same stories as an entity: in how many stories, and which
-- (story_ids and titles, newest story first).
CREATE MACRO mentioned_with(entity) AS TABLE
WITH own AS (
    SELECT DISTINCT x.story_id
    FROM story_entities AS x
    SEMI JOIN entity_ids(entity) AS i ON i.entity_id = x.entity_id
), together AS (
    SELECT x.entity_id,
           count(*) AS stories,
           list(x.story_id ORDER BY s.story_date DESC, x.story_id) AS story_ids,
           list(s.title ORDER BY s.story_date DESC, x.story_id) AS titles
    FROM story_entities AS x
    SEMI JOIN own ON own.story_id = x.story_id
    ANTI JOIN entity_ids(entity) AS i ON i.entity_id = x.entity_id
    JOIN stories AS s ON s.story_id = x.story_id
    GROUP BY x.entity_id
)
SELECT e.entity_id, e.name, e.label, t.stories, t.story_ids, t.titles
FROM together AS t
JOIN entities AS e ON e.entity_id = t.entity_id
ORDER BY t.stories DESC, e.name, e.entity_id;

-- The figures an entity holds, gives or receives, once per story: object matches as a
-- case-insensitive substring ('troop' finds 'troops' and 'additional troops'), role is
-- 'holder', 'giver' or 'receiver'; leave either out for all.
CREATE MACRO figures_of(entity, object := NULL, role := NULL) AS TABLE
SELECT f.story_id, s.story_date, s.title, e.name AS entity, f.role, f.surface, f.value, f.value_low, f.value_high,
       f.approximate, f.qualifier, f.unit, f.object, f.kind, f.sentence, f.article_id, f.figure_id
FROM story_figures AS f
SEMI JOIN entity_ids(entity) AS i ON i.entity_id = f.entity_id
JOIN entities AS e ON e.entity_id = f.entity_id
JOIN stories AS s ON s.story_id = f.story_id
WHERE (object IS NULL OR contains(lower(f.object), lower(object)))
  AND (role IS NULL OR f.role = role)
ORDER BY s.story_date, f.story_id, f.char_start;

-- One article with its story, its entities (name, label, mentions; most mentioned first) and its
-- figures (in text order, with the entity holding each and its role), as lists in one row.
CREATE MACRO article_details(article) AS TABLE
WITH named AS (
    SELECT m.entity_id, count(*) AS mentions
    FROM entity_mentions AS m
    WHERE m.article_id = article
    GROUP BY m.entity_id
), mentioned AS (
    SELECT list({'name': e.name, 'label': e.label, 'mentions': n.mentions} ORDER BY n.mentions DESC, e.name) AS entities
    FROM named AS n
    JOIN entities AS e ON e.entity_id = n.entity_id
), counted AS (
    SELECT list(
               {'surface': f.surface, 'value': f.value, 'value_low': f.value_low, 'value_high': f.value_high,
                'unit': f.unit, 'object': f.object, 'kind': f.kind, 'entity': e.name, 'role': f.role}
               ORDER BY f.char_start
           ) AS figures
    FROM figures AS f
    LEFT JOIN entities AS e ON e.entity_id = f.entity_id
    WHERE f.article_id = article
)
SELECT c.article_id, c.story_id, c.representative, c.title, c.url, c.site, c.article_date, c.language,
       c.word_count, coalesce(mentioned.entities, []) AS entities, coalesce(counted.figures, []) AS figures
FROM story_copies AS c, mentioned, counted
WHERE c.article_id = article;

-- The copies of a story, given its story_id or the article_id of any copy: the representative
-- first, then in the order the archive committed them; same_text says whether a copy's text is
-- exactly the representative's.
CREATE MACRO copies_of(story_or_article) AS TABLE
WITH story AS (
    SELECT DISTINCT c.story_id
    FROM story_copies AS c
    WHERE c.story_id = story_or_article OR c.article_id = story_or_article
)
SELECT c.story_id, c.representative,
       c.text_hash = first(c.text_hash) OVER (PARTITION BY c.story_id ORDER BY c.representative DESC) AS same_text,
       c.article_id, c.site, c.title, c.url, c.source, c.article_date, c.seen_at, c.word_count
FROM story_copies AS c
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
