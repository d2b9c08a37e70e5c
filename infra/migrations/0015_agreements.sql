-- 就业援助协议（一人一策）: one agreement per assisted person; follow-ups tick its items off.
CREATE TABLE agreements (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED
);
CREATE UNIQUE INDEX agreements_person ON agreements (person_id);
CREATE INDEX agreements_community ON agreements (community, status, id);
