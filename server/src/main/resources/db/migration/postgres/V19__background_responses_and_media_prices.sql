-- Background responses: the status a response is in (queued and in_progress until it ends), and
-- until when the instance running it holds it (0 when nothing runs it).
ALTER TABLE responses ADD COLUMN status TEXT NOT NULL DEFAULT 'completed';
ALTER TABLE responses ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;

-- Image and audio models priced in the table, so `lazurite price` can change them: USD per 1M
-- metered units (a standard-image unit, a second of audio, a character of speech), the same for
-- input, cached input and output. Azure's list prices (2025-12); any version; one price for every
-- deployment type, as Azure lists one.
INSERT INTO prices VALUES ('dall-e-3', '*', 'Global', '40000', '40000', '40000', '0', '2025-12-01');
INSERT INTO prices VALUES ('dall-e-3', '*', 'DataZone', '40000', '40000', '40000', '0', '2025-12-01');
INSERT INTO prices VALUES ('dall-e-3', '*', 'Regional', '40000', '40000', '40000', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-image-1', '*', 'Global', '11000', '11000', '11000', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-image-1', '*', 'DataZone', '11000', '11000', '11000', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-image-1', '*', 'Regional', '11000', '11000', '11000', '0', '2025-12-01');
INSERT INTO prices VALUES ('whisper', '*', 'Global', '100', '100', '100', '0', '2025-12-01');
INSERT INTO prices VALUES ('whisper', '*', 'DataZone', '100', '100', '100', '0', '2025-12-01');
INSERT INTO prices VALUES ('whisper', '*', 'Regional', '100', '100', '100', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-4o-transcribe', '*', 'Global', '100', '100', '100', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-4o-transcribe', '*', 'DataZone', '100', '100', '100', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-4o-transcribe', '*', 'Regional', '100', '100', '100', '0', '2025-12-01');
INSERT INTO prices VALUES ('tts', '*', 'Global', '15', '15', '15', '0', '2025-12-01');
INSERT INTO prices VALUES ('tts', '*', 'DataZone', '15', '15', '15', '0', '2025-12-01');
INSERT INTO prices VALUES ('tts', '*', 'Regional', '15', '15', '15', '0', '2025-12-01');
INSERT INTO prices VALUES ('tts-hd', '*', 'Global', '30', '30', '30', '0', '2025-12-01');
INSERT INTO prices VALUES ('tts-hd', '*', 'DataZone', '30', '30', '30', '0', '2025-12-01');
INSERT INTO prices VALUES ('tts-hd', '*', 'Regional', '30', '30', '30', '0', '2025-12-01');
