-- Migration number: 0002 	 2026-11-29T07:00:01.000Z

-- 1,000 comments of about the demo's length in thread 1, which the baseline lists 50 at a time.
WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 1000)
INSERT INTO comments (id, thread_id, author_name, text, created_at)
SELECT
  printf('c_base%08d', n),
  1,
  'Reader ' || (n % 97),
  'Comment ' || n || ': prevention starts with schools, helplines and labour inspections that '
    || 'actually visit farms, kitchens and building sites. Victims need a safe place to stay first.',
  1764400000000 + n * 60000
FROM seq;
