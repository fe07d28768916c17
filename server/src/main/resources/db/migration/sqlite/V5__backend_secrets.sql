-- The upstream key or client secret of a pooled backend, sealed with the master key ('' for none).
ALTER TABLE backends ADD COLUMN secret TEXT NOT NULL DEFAULT '';
