-- The events of a streamed background response, numbered by their sequence_number, so that a client
-- (on any instance) can resume the stream with starting_after. Kept while the response runs and for
-- five minutes after it was created; removed with their response.
CREATE TABLE response_events (
  resource TEXT NOT NULL,
  id TEXT NOT NULL,
  sequence_number INTEGER NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (resource, id, sequence_number)
);
