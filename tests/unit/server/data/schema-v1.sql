-- A database as lotse-server 0.1 at schema version 1 left it, with data: the "before" fixture of
-- TestStoreMigrations. One statement per line group, separated by ";\n".
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (1);
CREATE TABLE organisations (id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE TABLE advisors (id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL REFERENCES organisations(id), username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL);
CREATE INDEX advisors_organisation ON advisors(organisation_id);
CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, advisor_id TEXT NOT NULL REFERENCES advisors(id) ON DELETE CASCADE, created_at BIGINT NOT NULL, last_used_at BIGINT NOT NULL, expires_at BIGINT NOT NULL);
CREATE INDEX sessions_advisor ON sessions(advisor_id);
INSERT INTO organisations (id, slug, name, created_at) VALUES ('0b6f4c52-6d1e-4a53-9a3e-3f1d2a9c0001', 'demo', 'Demo-Beratungsstelle', 1790000000);
INSERT INTO organisations (id, slug, name, created_at) VALUES ('0b6f4c52-6d1e-4a53-9a3e-3f1d2a9c0002', 'obrien', 'O''Brien & Söhne', 1790000100);
INSERT INTO advisors (id, organisation_id, username, display_name, password_hash, disabled, created_at) VALUES ('5c1d7e0a-1111-4a53-9a3e-3f1d2a9c0001', '0b6f4c52-6d1e-4a53-9a3e-3f1d2a9c0001', 'anna@demo.example', 'Anna Beispiel', '$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g', 0, 1790000200);
INSERT INTO advisors (id, organisation_id, username, display_name, password_hash, disabled, created_at) VALUES ('5c1d7e0a-1111-4a53-9a3e-3f1d2a9c0002', '0b6f4c52-6d1e-4a53-9a3e-3f1d2a9c0002', 'ben@obrien.example', 'Ben', '$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g', 1, 1790000300);
INSERT INTO sessions (token_hash, advisor_id, created_at, last_used_at, expires_at) VALUES ('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', '5c1d7e0a-1111-4a53-9a3e-3f1d2a9c0001', 1790000400, 1790000500, 1792592400);
