-- Placement cases: zero-employment households (托底安置 within 24 hours) and the 72-hour
-- immediate-employment commitment for especially difficult persons, with their escalation.
CREATE TABLE placement_cases (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  kind text COLLATE "C" GENERATED ALWAYS AS (doc->>'kind') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  deadline text COLLATE "C" GENERATED ALWAYS AS (doc->>'deadline') STORED,
  household_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'householdId') STORED
);
CREATE INDEX placement_cases_open ON placement_cases (status, deadline, id);
CREATE INDEX placement_cases_scope ON placement_cases (status, community, deadline, id);
