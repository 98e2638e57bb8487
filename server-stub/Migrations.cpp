#include "server-stub/Migrations.h"

using namespace Qt::StringLiterals;

namespace Lotse::Server {

// Never edit a migration that has shipped: add a new one. tests/unit/server/TestStoreMigrations
// checks the resulting schema against a fixture.
const QList<Migration> &migrations()
{
    static const QList<Migration> all = {
        {1,
         {
             u"CREATE TABLE organisations (id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
             "created_at BIGINT NOT NULL)"_s,
             u"CREATE TABLE advisors (id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), username TEXT NOT NULL UNIQUE, "
             "display_name TEXT NOT NULL, password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, "
             "created_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX advisors_organisation ON advisors(organisation_id)"_s,
             u"CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, "
             "advisor_id TEXT NOT NULL REFERENCES advisors(id) ON DELETE CASCADE, created_at BIGINT NOT NULL, "
             "last_used_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX sessions_advisor ON sessions(advisor_id)"_s,
         }},
        {2,
         {
             u"ALTER TABLE advisors ADD COLUMN totp_secret TEXT"_s,
             u"ALTER TABLE advisors ADD COLUMN totp_pending_secret TEXT"_s,
             u"ALTER TABLE advisors ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0"_s,
             u"CREATE TABLE devices (id TEXT PRIMARY KEY, advisor_id TEXT NOT NULL REFERENCES advisors(id), "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), name TEXT NOT NULL, "
             "x25519 TEXT NOT NULL UNIQUE, ed25519 TEXT NOT NULL UNIQUE, signature TEXT NOT NULL, "
             "key_id TEXT NOT NULL, created_at BIGINT NOT NULL, revoked_at BIGINT)"_s,
             u"CREATE INDEX devices_organisation ON devices(organisation_id)"_s,
         }},
        {3,
         {
             u"CREATE TABLE access_log (at BIGINT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL, "
             "status INTEGER NOT NULL, bytes BIGINT NOT NULL, ip TEXT NOT NULL, user_agent TEXT NOT NULL)"_s,
             u"CREATE INDEX access_log_at ON access_log(at)"_s,
             u"CREATE TABLE idempotency_keys (caller TEXT NOT NULL, idem_key TEXT NOT NULL, "
             "method TEXT NOT NULL, path TEXT NOT NULL, status INTEGER NOT NULL, content_type TEXT NOT NULL, "
             "body TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (caller, idem_key))"_s,
         }},
    };
    return all;
}

int latestSchemaVersion()
{
    return migrations().constLast().version;
}

} // namespace Lotse::Server
