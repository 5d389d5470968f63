-- claimtrack's PostgreSQL ledger, version 1. Every record is kept as the JSON the JSON ledger holds for it
-- (LedgerCodec, one document per row, stored as text so its bytes come back as they went in); the columns
-- beside it are what queries select and join on. Applied by `claimtrack ledger migrate` or the first run.

-- Ledger-wide values: folder, id_scheme, tool_version.
CREATE TABLE ledger_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- One row per article, keyed by its path relative to the folder; hash, fingerprint and canonical URL are
-- how a moved or renamed file is recognised (Recorder.movedArticle) without reading every article.
CREATE TABLE articles (
    path        text PRIMARY KEY,
    id          text NOT NULL,
    hash        text NOT NULL,
    fingerprint text,
    url         text,
    doc         text NOT NULL,
    last_run    integer                    -- ArticleRecord.lastRun when an unchanged article is only touched
);
CREATE INDEX articles_by_hash ON articles (hash);
CREATE INDEX articles_by_fingerprint ON articles (fingerprint);
CREATE INDEX articles_by_url ON articles (url);

-- Live claims (retired = false) and claims an edit or a removed article took away (retired = true).
CREATE TABLE claims (
    id      text    NOT NULL,
    retired boolean NOT NULL,
    article text    NOT NULL,
    status  text    NOT NULL,
    doc     text    NOT NULL,
    removed_at text,                       -- a retired claim's removal time, to forget it after 90 days
    PRIMARY KEY (id, retired)
);
CREATE INDEX claims_by_article ON claims (article);
CREATE INDEX claims_removed ON claims (removed_at) WHERE retired;

-- Fetched sources keyed by URL.
CREATE TABLE sources (
    url text PRIMARY KEY,
    doc text NOT NULL
);

-- Runs: an open run (phase other than 'closed') is shared by every worker over the same folder;
-- doc is its run record once closed.
CREATE TABLE runs (
    id       integer PRIMARY KEY,
    folder   text    NOT NULL,
    started  text    NOT NULL,
    offline  boolean NOT NULL,
    single   text,
    phase    text    NOT NULL,
    opened   timestamptz NOT NULL DEFAULT now(),
    doc      text
);

-- The work queue. Phase 'articles': every article of the run's folder, read, extracted and recorded by
-- exactly one worker. Phase 'verify': the articles whose claims were due, judged against the pages.
-- A row is claimed with FOR UPDATE SKIP LOCKED and a lease; a lease that runs out frees it again.
CREATE TABLE work_articles (
    run         integer NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    path        text    NOT NULL,
    phase       text    NOT NULL,
    state       text    NOT NULL,          -- todo, claimed, done
    worker      text,
    lease_until timestamptz,
    due         text,                      -- JSON list of the article's claim ids due for a check
    PRIMARY KEY (run, path)
);
CREATE INDEX work_articles_todo ON work_articles (run, phase, state);

-- Phase 'pages': every distinct URL the run's due claims cite, fetched once by one worker.
CREATE TABLE work_pages (
    run         integer NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    url         text    NOT NULL,
    state       text    NOT NULL,
    worker      text,
    lease_until timestamptz,
    PRIMARY KEY (run, url)
);
CREATE INDEX work_pages_todo ON work_pages (run, state);

-- What each committed batch counted (unchanged articles, pages fetched …) and the diagnostics it met;
-- the worker that closes the run sums them into the run record.
CREATE TABLE run_tallies (
    run  integer NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name text    NOT NULL,
    n    bigint  NOT NULL
);
CREATE INDEX run_tallies_by_run ON run_tallies (run);
CREATE TABLE run_article_changes (
    run integer NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq bigserial,
    doc text NOT NULL,
    PRIMARY KEY (run, seq)
);
CREATE TABLE run_diagnostics (
    run integer NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq bigserial,
    doc text NOT NULL,
    PRIMARY KEY (run, seq)
);

-- Global fetch politeness: per host, the earliest time the next request may start (delay_ms across all
-- workers) and the slots in use (per_host across all workers), each held with a lease.
CREATE TABLE fetch_hosts (
    host       text PRIMARY KEY,
    next_start timestamptz NOT NULL DEFAULT '-infinity'
);
CREATE TABLE fetch_slots (
    token       bigserial PRIMARY KEY,
    host        text NOT NULL,
    holder      text NOT NULL,
    lease_until timestamptz NOT NULL
);
CREATE INDEX fetch_slots_by_host ON fetch_slots (host);

-- robots.txt shared by all workers: fetched once per host within robots_ttl, its answer kept here.
CREATE TABLE robots (
    host       text PRIMARY KEY,
    fetched_at timestamptz NOT NULL,
    status     integer,
    outcome    text NOT NULL,
    body       bytea NOT NULL
);

-- Takes one of the host's per_host slots if one is free and the host's delay has passed: returns the
-- slot's token, or NULL and how many milliseconds to wait before asking again.
CREATE FUNCTION claimtrack_take_slot(p_host text, p_holder text, p_per_host integer, p_delay_ms integer,
                                     p_lease_ms integer, OUT token bigint, OUT wait_ms integer)
LANGUAGE plpgsql AS $$
DECLARE
    v_next timestamptz;
    v_busy integer;
BEGIN
    INSERT INTO fetch_hosts (host) VALUES (p_host) ON CONFLICT (host) DO NOTHING;
    SELECT next_start INTO v_next FROM fetch_hosts WHERE host = p_host FOR UPDATE;
    IF v_next > clock_timestamp() THEN
        token := NULL;
        wait_ms := GREATEST(1, CEIL(EXTRACT(EPOCH FROM (v_next - clock_timestamp())) * 1000))::integer;
        RETURN;
    END IF;
    DELETE FROM fetch_slots WHERE host = p_host AND lease_until < clock_timestamp();
    SELECT count(*) INTO v_busy FROM fetch_slots WHERE host = p_host;
    IF v_busy >= p_per_host THEN
        token := NULL;
        wait_ms := 10;
        RETURN;
    END IF;
    INSERT INTO fetch_slots (host, holder, lease_until)
        VALUES (p_host, p_holder, clock_timestamp() + make_interval(secs => p_lease_ms / 1000.0))
        RETURNING fetch_slots.token INTO token;
    UPDATE fetch_hosts SET next_start = clock_timestamp() + make_interval(secs => p_delay_ms / 1000.0) WHERE host = p_host;
    wait_ms := 0;
END $$;
