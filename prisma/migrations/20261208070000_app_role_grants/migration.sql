-- The application role (canary_app, created by scripts/services.sh and docker-compose) gets data access
-- only. It owns no table, so it cannot ALTER TABLE ... DISABLE TRIGGER; on the audit log it may only read
-- and append. Skipped where the role does not exist (a server whose scripts predate it).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'canary_app') THEN
    GRANT USAGE ON SCHEMA public TO canary_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO canary_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO canary_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLogEntry" FROM canary_app;
    -- Tables and sequences later migrations create (as the owner running them).
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO canary_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO canary_app;
  END IF;
END $$;
