-- Hardening (issue 12): rate-limit windows, one-time phone codes, bind requests awaiting a
-- coordinator, and the audit log's seal (each record chained to the previous by hash).
CREATE TABLE rate_limits (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  window_ends text COLLATE "C" GENERATED ALWAYS AS (doc->>'windowEnds') STORED
);
CREATE INDEX rate_limits_window_ends ON rate_limits (window_ends, id);

CREATE TABLE phone_codes (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  expires_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'expiresAt') STORED
);
CREATE INDEX phone_codes_expires_at ON phone_codes (expires_at, id);

CREATE TABLE bind_requests (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  community text COLLATE "C" GENERATED ALWAYS AS (doc->>'community') STORED,
  status text COLLATE "C" GENERATED ALWAYS AS (doc->>'status') STORED,
  created_at text COLLATE "C" GENERATED ALWAYS AS (doc->>'createdAt') STORED
);
CREATE INDEX bind_requests_queue ON bind_requests (community, status, created_at, id);
CREATE INDEX bind_requests_status ON bind_requests (status, created_at, id);

ALTER TABLE audit_log ADD COLUMN sealed boolean GENERATED ALWAYS AS ((doc->>'sealed')::boolean) STORED;
CREATE INDEX audit_log_unsealed ON audit_log (sealed, at, id);
-- Records written before the seal existed are sealed like any other.
UPDATE audit_log SET doc = doc || '{"sealed": false}'::jsonb WHERE NOT (doc ? 'sealed');
