-- Jobs that reach people: seekers' interest in vacancies (我要应聘) and what came of it, the jobs
-- pushed to each seeker (送岗位, never the same one twice), and public-welfare posts with the
-- people placed on them.

CREATE TABLE job_interests (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  job_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'jobId') STORED,
  employer_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'employerId') STORED,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  updated_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'updatedAt') STORED
);
CREATE INDEX job_interests_job ON job_interests (job_id, updated_at, id);
CREATE INDEX job_interests_person ON job_interests (person_id, updated_at, id);
CREATE INDEX job_interests_community ON job_interests (community, updated_at, id);
CREATE INDEX job_interests_employer ON job_interests (employer_id, updated_at, id);

-- A job push is the inbox message that carries it: which day, which community. The daily job
-- finds a seeker's earlier pushes through the recipient index; coordinators list their
-- community's by day. Only push messages have these, so the index is partial and other
-- messages cost nothing more.
ALTER TABLE notifications ADD COLUMN push_day text COLLATE "C" GENERATED ALWAYS AS (doc->>'pushDay') STORED;
ALTER TABLE notifications ADD COLUMN push_community text COLLATE "C" GENERATED ALWAYS AS (doc->>'pushCommunity') STORED;
CREATE INDEX notifications_push_community ON notifications (push_community, push_day, id) WHERE push_community IS NOT NULL;

CREATE TABLE welfare_posts (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  town text COLLATE "C" GENERATED ALWAYS AS (doc->>'town') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  updated_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'updatedAt') STORED
);
CREATE INDEX welfare_posts_town ON welfare_posts (town, status, updated_at, id);

CREATE TABLE welfare_allocations (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  post_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'postId') STORED,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  town text COLLATE "C" GENERATED ALWAYS AS (doc->>'town') STORED
);
CREATE INDEX welfare_allocations_post ON welfare_allocations (post_id, id);
CREATE INDEX welfare_allocations_person ON welfare_allocations (person_id);
CREATE INDEX welfare_allocations_town ON welfare_allocations (town, id);
