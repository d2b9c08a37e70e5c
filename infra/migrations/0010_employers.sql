-- Employers and the life of their vacancies: a unit registers (or staff create it on a visit),
-- street/county staff verify it, its vacancies go draft → pending → published → paused/filled/expired.

CREATE TABLE employers (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  credit_code text COLLATE "C" GENERATED ALWAYS AS (doc->>'creditCode') STORED,
  region text COLLATE "C" GENERATED ALWAYS AS (doc->>'region') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  updated_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'updatedAt') STORED
);
-- One record per unit: the credit code is unique nationally.
CREATE UNIQUE INDEX employers_credit_code ON employers (credit_code);
CREATE INDEX employers_queue ON employers (status, region, updated_at, id);

ALTER TABLE jobs ADD COLUMN employer_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'employerId') STORED;
ALTER TABLE jobs ADD COLUMN updated_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'updatedAt') STORED;
CREATE INDEX jobs_employer ON jobs (employer_id, updated_at, id);
CREATE INDEX jobs_review_queue ON jobs (status, region, updated_at, id);

-- What the job board called open is now published; a closed vacancy was filled.
UPDATE jobs SET doc = jsonb_set(doc, '{status}', '"published"') WHERE doc->>'status' = 'open';
UPDATE jobs SET doc = jsonb_set(doc, '{status}', '"filled"') WHERE doc->>'status' = 'closed';
