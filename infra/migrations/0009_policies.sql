-- Policies that find people (应知尽知、应享尽享): the catalogue with every version kept, policy
-- notices, how far each policy has reached each eligible person, and deduction candidates for
-- subsidies an eligible person did not get.

CREATE TABLE policies (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  updated_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'updatedAt') STORED,
  needs_match boolean GENERATED ALWAYS AS ((doc->>'needsMatch')::boolean) STORED,
  owner text COLLATE "C" GENERATED ALWAYS AS (doc->>'owner') STORED
);
CREATE INDEX policies_status ON policies (status, updated_at, id);
CREATE INDEX policies_pending ON policies (needs_match);

CREATE TABLE policy_versions (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  policy_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'policyId') STORED,
  version bigint GENERATED ALWAYS AS ((doc->>'version')::bigint) STORED
);
CREATE INDEX policy_versions_policy ON policy_versions (policy_id, version, id);

CREATE TABLE policy_notices (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  published_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'publishedAt') STORED,
  needs_match boolean GENERATED ALWAYS AS ((doc->>'needsMatch')::boolean) STORED,
  owner text COLLATE "C" GENERATED ALWAYS AS (doc->>'owner') STORED
);
CREATE INDEX policy_notices_status ON policy_notices (status, published_at, id);

CREATE TABLE policy_reach (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  policy_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'policyId') STORED,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  verdict text COLLATE "C" GENERATED ALWAYS AS (doc->>'verdict') STORED,
  eligible_since text COLLATE "C" GENERATED ALWAYS AS (doc->>'eligibleSince') STORED,
  notified_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'notifiedAt') STORED,
  read_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'readAt') STORED,
  explained_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'explainedAt') STORED,
  applied_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'appliedAt') STORED,
  enjoying_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'enjoyingAt') STORED
);
CREATE INDEX policy_reach_policy ON policy_reach (policy_id, verdict, community, id);
CREATE INDEX policy_reach_scope ON policy_reach (community, verdict, id);
CREATE INDEX policy_reach_person ON policy_reach (person_id, policy_id, id);

CREATE TABLE deduction_candidates (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  quarter text COLLATE "C" GENERATED ALWAYS AS (doc->>'quarter') STORED,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED
);
CREATE INDEX deduction_candidates_scope ON deduction_candidates (quarter, community, id);

-- policy-match reads the persons changed since its last pass, oldest change first.
CREATE INDEX persons_updated ON persons (updated_at, id);

-- Coordinators list the residents whose key-group declarations wait for confirmation.
ALTER TABLE persons ADD COLUMN claims_pending boolean GENERATED ALWAYS AS ((doc->>'claimsPending')::boolean) STORED;
CREATE INDEX persons_claims ON persons (claims_pending, community, id);
