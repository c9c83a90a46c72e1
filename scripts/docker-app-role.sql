-- Run once by the postgres image when it creates its data folder (docker-compose.yml mounts it into
-- /docker-entrypoint-initdb.d). The web server and worker connect as canary_app, which owns nothing:
-- migration 20261208070000_app_role_grants gives it data access only, so it cannot disable the audit
-- log's trigger. Migrations run as canary, the owner. scripts/services.sh does the same locally.
CREATE ROLE canary_app LOGIN PASSWORD 'canary_app';
