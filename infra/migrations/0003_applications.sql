-- Self-service applications, their open-per-type locks, assistance cards, number sequences
-- and the in-app inbox.

CREATE TABLE applications (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  type text COLLATE "C" GENERATED ALWAYS AS (doc->>'type') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  notice_ends_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'noticeEndsAt') STORED,
  created_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'createdAt') STORED,
  updated_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'updatedAt') STORED
);
-- "My applications", newest first.
CREATE INDEX applications_person ON applications (person_id, created_at DESC, id DESC);
-- Review queues: one stage, a region prefix, oldest first.
CREATE INDEX applications_queue ON applications (status, community, updated_at, id);
-- Public notices of a community, and the nightly close of ended notices.
CREATE INDEX applications_notice ON applications (status, notice_ends_at, id);

-- One open application per person and type: the lock row exists while it is open.
CREATE TABLE application_locks (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL
);

CREATE TABLE cards (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  number text COLLATE "C" GENERATED ALWAYS AS (doc->>'number') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED
);
CREATE UNIQUE INDEX cards_number ON cards (number);
CREATE INDEX cards_person ON cards (person_id, status);
CREATE INDEX cards_community ON cards (status, community, id);

CREATE TABLE counters (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL
);

CREATE TABLE notifications (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  recipient text COLLATE "C" GENERATED ALWAYS AS (doc->>'recipient') STORED,
  at text COLLATE "C" GENERATED ALWAYS AS (doc->>'at') STORED,
  read boolean GENERATED ALWAYS AS ((doc->>'read')::boolean) STORED
);
CREATE INDEX notifications_recipient ON notifications (recipient, at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (recipient, read);
