-- version counts the loads that changed the data. Servers read it (at
-- most once a second) and drop their cached answers when it moves, so a
-- `timeslice load --replace` shows without a restart.
CREATE TABLE timeslice.dataset (
    one     boolean PRIMARY KEY DEFAULT true CHECK (one),
    version bigint NOT NULL DEFAULT 0
);
INSERT INTO timeslice.dataset DEFAULT VALUES;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'timeslice_reader') THEN
        GRANT SELECT ON timeslice.dataset TO timeslice_reader;
    END IF;
END
$$;
