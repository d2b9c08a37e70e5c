-- Reports (issue 11): the quarter's tables read follow-up records and 131 services by region and
-- date, and keep what report-quarterly froze, the towns' labour force and the star decisions.

-- A follow-up record carries the person's community from now on; earlier ones take it from the person.
UPDATE followup_records r SET doc = r.doc || jsonb_build_object('community', p.doc->>'community')
  FROM persons p WHERE p.id = r.doc->>'personId' AND NOT (r.doc ? 'community');
ALTER TABLE followup_records ADD COLUMN community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED;
CREATE INDEX followup_records_community ON followup_records (community, at, id);

ALTER TABLE services ADD COLUMN community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED;
ALTER TABLE services ADD COLUMN at text COLLATE "C" GENERATED ALWAYS AS (doc->>'at') STORED;
CREATE INDEX services_community ON services (community, at, id);

CREATE TABLE report_snapshots (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  quarter text COLLATE "C" GENERATED ALWAYS AS (doc->>'quarter') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED
);
CREATE INDEX report_snapshots_quarter ON report_snapshots (quarter, community, id);

CREATE TABLE labour_force (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  town text COLLATE "C" GENERATED ALWAYS AS (doc->>'town') STORED,
  month text COLLATE "C" GENERATED ALWAYS AS (doc->>'month') STORED
);
CREATE INDEX labour_force_town ON labour_force (town, month, id);

CREATE TABLE community_ratings (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  year bigint GENERATED ALWAYS AS ((doc->>'year')::bigint) STORED
);
CREATE INDEX community_ratings_community ON community_ratings (community, year, id);

-- The quarter's tasks of a region, month by month, read as an index range (reports).
CREATE INDEX followup_tasks_region_period ON followup_tasks (community, period, id);
