-- Foundation: jobs, accounts, audit log, scheduled-run records, meta.
-- Each collection is (id, doc jsonb) plus one generated column per declared field
-- (functions/store/collections.ts); filters and sorts use these columns and their indexes.
-- Text keys that are compared by range or sorted (region codes, ISO times) use COLLATE "C"
-- so byte order = code order = time order, and prefix scans are plain btree ranges.

CREATE TABLE jobs (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  region text COLLATE "C" GENERATED ALWAYS AS (doc->>'region') STORED,
  category text COLLATE "C" GENERATED ALWAYS AS (doc->>'category') STORED,
  public_welfare boolean GENERATED ALWAYS AS ((doc->>'publicWelfare')::boolean) STORED,
  salary_min bigint GENERATED ALWAYS AS ((doc->>'salaryMin')::bigint) STORED,
  salary_max bigint GENERATED ALWAYS AS ((doc->>'salaryMax')::bigint) STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  published_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'publishedAt') STORED,
  valid_until text COLLATE "C" GENERATED ALWAYS AS (doc->>'validUntil') STORED,
  keywords text GENERATED ALWAYS AS (doc->>'keywords') STORED
);
-- The job board lists open jobs newest first, optionally narrowed by town, category or
-- public-welfare posts; each narrowing has an index that already yields the right order.
CREATE INDEX jobs_open_newest ON jobs (status, published_at DESC, id DESC);
CREATE INDEX jobs_region_newest ON jobs (status, region, published_at DESC, id DESC);
CREATE INDEX jobs_category_newest ON jobs (status, category, published_at DESC, id DESC);
CREATE INDEX jobs_welfare_newest ON jobs (status, public_welfare, published_at DESC, id DESC);
CREATE INDEX jobs_salary ON jobs (status, salary_max);
CREATE INDEX jobs_expiry ON jobs (status, valid_until);

CREATE TABLE accounts (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  role text COLLATE "C" GENERATED ALWAYS AS (doc->>'role') STORED,
  region text COLLATE "C" GENERATED ALWAYS AS (doc->>'region') STORED
);
CREATE INDEX accounts_role_region ON accounts (role, region);

CREATE TABLE audit_log (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  at text COLLATE "C" GENERATED ALWAYS AS (doc->>'at') STORED,
  actor text COLLATE "C" GENERATED ALWAYS AS (doc->>'actor') STORED,
  action text COLLATE "C" GENERATED ALWAYS AS (doc->>'action') STORED,
  subject text COLLATE "C" GENERATED ALWAYS AS (doc->>'subject') STORED
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_subject ON audit_log (subject, at DESC, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor, at DESC, id DESC);

CREATE TABLE job_runs (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  name text COLLATE "C" GENERATED ALWAYS AS (doc->>'name') STORED,
  started_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'startedAt') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED
);
CREATE INDEX job_runs_name_started ON job_runs (name, started_at DESC, id DESC);

CREATE TABLE meta (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL
);
