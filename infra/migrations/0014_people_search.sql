-- Staff find a resident of their region by name (居民查找, before a home-visit registration).
ALTER TABLE persons ADD COLUMN name text COLLATE "C" GENERATED ALWAYS AS (doc->>'name') STORED;
CREATE INDEX persons_name ON persons (community, name, id);
