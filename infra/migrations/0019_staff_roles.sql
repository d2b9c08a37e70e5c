-- Staff roles granted in the app: a person asks (staff_requests), a county administrator grants
-- or refuses; accounts list the staff of a region by role.
CREATE TABLE staff_requests (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  region text COLLATE "C" GENERATED ALWAYS AS (doc->>'region') STORED,
  updated_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'updatedAt') STORED
);
CREATE INDEX staff_requests_queue ON staff_requests (status, updated_at, id);
CREATE INDEX accounts_staff ON accounts (region, role, id);
