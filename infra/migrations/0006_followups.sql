-- Follow-up engine: one task per person per period, the records of follow-ups, the "131"
-- services, and 1-point deductions against a street/town for missed follow-ups.

CREATE TABLE followup_tasks (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  period text COLLATE "C" GENERATED ALWAYS AS (doc->>'period') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  priority bigint GENERATED ALWAYS AS ((doc->>'priority')::bigint) STORED,
  person_name text GENERATED ALWAYS AS (doc->>'personName') STORED
);
-- A coordinator's month: their community's tasks, open ones first by priority.
CREATE INDEX followup_tasks_queue ON followup_tasks (community, period, status, priority DESC, id);
-- Closing a period and counting what is overdue.
CREATE INDEX followup_tasks_open ON followup_tasks (status, period, id);
CREATE INDEX followup_tasks_person ON followup_tasks (person_id, period);

CREATE TABLE followup_records (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  at text COLLATE "C" GENERATED ALWAYS AS (doc->>'at') STORED
);
CREATE INDEX followup_records_person ON followup_records (person_id, at DESC, id DESC);

CREATE TABLE services (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  year bigint GENERATED ALWAYS AS ((doc->>'year')::bigint) STORED,
  kind text COLLATE "C" GENERATED ALWAYS AS (doc->>'kind') STORED
);
CREATE INDEX services_person_year ON services (person_id, year, kind);

CREATE TABLE deductions (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  town text COLLATE "C" GENERATED ALWAYS AS (doc->>'town') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  year bigint GENERATED ALWAYS AS ((doc->>'year')::bigint) STORED
);
CREATE INDEX deductions_scope ON deductions (year, community, id);
