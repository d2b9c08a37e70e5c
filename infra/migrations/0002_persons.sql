-- Resident registry. ID numbers and phones are stored encrypted inside doc; id_hash is a keyed
-- hash (functions/platform/pii-crypto.ts) that makes "one person per ID number" a unique index
-- without the number itself ever being stored in the clear.

CREATE TABLE persons (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  account_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'accountId') STORED,
  id_hash text COLLATE "C" GENERATED ALWAYS AS (doc->>'idHash') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  household_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'householdId') STORED,
  employment_status text COLLATE "C" GENERATED ALWAYS AS (doc->>'employmentStatus') STORED,
  updated_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'updatedAt') STORED
);
CREATE UNIQUE INDEX persons_id_hash ON persons (id_hash);
CREATE UNIQUE INDEX persons_account ON persons (account_id);
CREATE INDEX persons_community ON persons (community, id);
CREATE INDEX persons_household ON persons (household_id);
CREATE INDEX persons_status ON persons (community, employment_status);
