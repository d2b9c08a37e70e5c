-- Annual inspection of assistance cards (年检): the year a card was last inspected (its issue
-- year until the first inspection), so "due this year" is an index range.
ALTER TABLE cards ADD COLUMN last_inspected_year bigint GENERATED ALWAYS AS ((doc->>'lastInspectedYear')::bigint) STORED;
CREATE INDEX cards_inspection_due ON cards (status, community, last_inspected_year, id);
