-- Guidance sessions residents book themselves (预约), and the bookings: seats move only by
-- guarded increments of sessions.booked, one booking record per person and session.

CREATE TABLE sessions (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  region text COLLATE "C" GENERATED ALWAYS AS (doc->>'region') STORED,
  host_region text COLLATE "C" GENERATED ALWAYS AS (doc->>'hostRegion') STORED,
  starts_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'startsAt') STORED,
  ends_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'endsAt') STORED,
  kind text COLLATE "C" GENERATED ALWAYS AS (doc->>'kind') STORED,
  closed boolean GENERATED ALWAYS AS ((doc->>'closed')::boolean) STORED
);
CREATE INDEX sessions_starts ON sessions (starts_at, id);
CREATE INDEX sessions_host ON sessions (host_region, starts_at, id);
CREATE INDEX sessions_region ON sessions (region, starts_at, id);
CREATE INDEX sessions_open ON sessions (closed, ends_at, id);

CREATE TABLE bookings (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  session_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'sessionId') STORED,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  starts_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'startsAt') STORED,
  seq integer GENERATED ALWAYS AS ((doc->>'seq')::integer) STORED,
  code text COLLATE "C" GENERATED ALWAYS AS (doc->>'code') STORED
);
CREATE INDEX bookings_session ON bookings (session_id, status, seq, id);
CREATE UNIQUE INDEX bookings_code ON bookings (session_id, code);
CREATE INDEX bookings_person ON bookings (person_id, starts_at, id);
CREATE INDEX bookings_community ON bookings (community, status, starts_at, id);
CREATE INDEX bookings_community_recent ON bookings (community, starts_at, id);

-- A person as a booker: open bookings and no-shows since they last attended.
CREATE TABLE bookers (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL
);
