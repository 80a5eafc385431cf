-- Stories per period ($unit: day, week or month) and site.
SELECT date_trunc($unit, day)::DATE AS period, site, count(*) AS stories
FROM report_stories
GROUP BY ALL
ORDER BY period, site;
