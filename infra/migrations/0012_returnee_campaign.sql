-- The Spring Festival count of returning migrant workers reads returnees by the day they came
-- back. The date is copied to the top of the person document (returnedAt) when they register,
-- so the store can index it like any declared field; existing registrations are copied here.
UPDATE persons
   SET doc = jsonb_set(doc, '{returnedAt}', doc->'returnee'->'returnedAt')
 WHERE jsonb_typeof(doc->'returnee') = 'object';
ALTER TABLE persons ADD COLUMN returned_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'returnedAt') STORED;
CREATE INDEX persons_returned ON persons (returned_at, community, id) WHERE returned_at IS NOT NULL;
