-- Uploaded materials: metadata here, bytes in the file store (local folder or cloud storage).
CREATE TABLE files (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  person_id text COLLATE "C" GENERATED ALWAYS AS (doc->>'personId') STORED,
  created_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'createdAt') STORED
);
CREATE INDEX files_person ON files (person_id, created_at DESC, id DESC);
