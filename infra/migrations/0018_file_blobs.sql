-- Uploaded materials kept in the database on the PostgreSQL / API-gateway path: a function's
-- disk is read-only (and not shared between instances), so files must not go there.
CREATE TABLE IF NOT EXISTS file_blobs (
  key text PRIMARY KEY,
  bytes bytea NOT NULL,
  content_type text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
