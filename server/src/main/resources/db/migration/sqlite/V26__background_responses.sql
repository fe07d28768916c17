-- Background responses: the status a response is in (queued and in_progress until it ends), and
-- until when the instance running it holds it (0 when nothing runs it).
ALTER TABLE responses ADD COLUMN status TEXT NOT NULL DEFAULT 'completed';
ALTER TABLE responses ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;
