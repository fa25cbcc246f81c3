-- timeslice_reader is the group role a read-only server logs in through
-- (CREATE ROLE web LOGIN PASSWORD '…' IN ROLE timeslice_reader). Creating
-- it needs CREATEROLE: without it the grants are left to the operator.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'timeslice_reader') THEN
        BEGIN
            CREATE ROLE timeslice_reader NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'cannot create role timeslice_reader; grant SELECT on schema timeslice to the server''s role yourself';
            RETURN;
        END;
    END IF;
    GRANT USAGE ON SCHEMA timeslice TO timeslice_reader;
    GRANT SELECT ON ALL TABLES IN SCHEMA timeslice TO timeslice_reader;
    ALTER DEFAULT PRIVILEGES IN SCHEMA timeslice GRANT SELECT ON TABLES TO timeslice_reader;
END
$$;
