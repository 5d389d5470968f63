-- claimtrack's PostgreSQL ledger, version 2: indexes that hold only the work rows still open, in the order
-- a worker claims them (PostgresRun.Work.claim: state <> 'done', ORDER BY the key, LIMIT, SKIP LOCKED).
-- With the (run, phase, state) index of version 1 the claim walked the primary key past every row already
-- done, so each batch cost more than the last (10,000 articles: quadratic; a rerun's claim took 71 ms).
CREATE INDEX work_articles_open ON work_articles (run, phase, path) WHERE state <> 'done';
CREATE INDEX work_pages_open ON work_pages (run, url) WHERE state <> 'done';
DROP INDEX work_articles_todo;
DROP INDEX work_pages_todo;
