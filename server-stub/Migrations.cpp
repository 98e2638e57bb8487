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
        // 4: availability and slots (issue 4): each advisor's rules as the canonical JSON of API.md
        // (read whole by the slot engine), the organisation's locations (archived, never deleted: bookings
        // name them), holidays, settings, and busy blocks from external calendars (times only).
        {4,
         {
             u"CREATE TABLE availability (id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), "
             "advisor_id TEXT NOT NULL UNIQUE REFERENCES advisors(id), rules TEXT NOT NULL, "
             "updated_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX availability_organisation ON availability(organisation_id)"_s,
             u"CREATE TABLE locations (id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), name TEXT NOT NULL, address TEXT NOT NULL, "
             "position INTEGER NOT NULL, archived_at BIGINT, created_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX locations_organisation ON locations(organisation_id)"_s,
             u"CREATE TABLE holidays (id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), day TEXT NOT NULL, "
             "UNIQUE (organisation_id, day))"_s,
             u"CREATE TABLE org_settings (id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL UNIQUE REFERENCES organisations(id), auto_confirm INTEGER NOT NULL, "
             "time_zone TEXT NOT NULL, privacy_policy_version TEXT NOT NULL, updated_at BIGINT NOT NULL)"_s,
             u"CREATE TABLE busy_blocks (id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), "
             "advisor_id TEXT NOT NULL REFERENCES advisors(id), start_at BIGINT NOT NULL, end_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX busy_blocks_organisation_start ON busy_blocks(organisation_id, start_at)"_s,
             u"CREATE INDEX busy_blocks_advisor_start ON busy_blocks(advisor_id, start_at)"_s,
         }},
        // 5: bookings, contact messages, the mail outbox, used ALTCHA challenges (issue 4; migration 4 is
        // availability). `sealed` is the browser's envelope, opaque here; only the manage token's hash is
        // kept; `reply_sealed` is the first answer under the server key, for an idempotent retry.
        {5,
         {
             u"CREATE TABLE bookings (id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), "
             "advisor_id TEXT NOT NULL REFERENCES advisors(id), type TEXT NOT NULL, start_at BIGINT NOT NULL, "
             "end_at BIGINT NOT NULL, location_id TEXT, language TEXT NOT NULL, time_zone TEXT NOT NULL, "
             "email TEXT NOT NULL, policy_version TEXT NOT NULL, browser_key TEXT NOT NULL, sealed TEXT NOT NULL, "
             "status TEXT NOT NULL, sequence INTEGER NOT NULL DEFAULT 0, proposal_start BIGINT, proposal_end BIGINT, "
             "invited INTEGER NOT NULL DEFAULT 0, manage_token_hash TEXT NOT NULL UNIQUE, "
             "request_hash TEXT NOT NULL, reply_sealed TEXT NOT NULL, created_at BIGINT NOT NULL, "
             "updated_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX bookings_advisor_start ON bookings(advisor_id, start_at)"_s,
             u"CREATE INDEX bookings_organisation ON bookings(organisation_id, created_at)"_s,
             u"CREATE TABLE contact_messages (id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), language TEXT NOT NULL, "
             "time_zone TEXT NOT NULL, email TEXT NOT NULL, policy_version TEXT NOT NULL, "
             "browser_key TEXT NOT NULL, sealed TEXT NOT NULL, status TEXT NOT NULL, request_hash TEXT NOT NULL, "
             "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX contact_messages_organisation ON contact_messages(organisation_id, created_at)"_s,
             u"CREATE TABLE outbox (id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL, mail_sealed TEXT NOT NULL, "
             "attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL, last_error TEXT, "
             "created_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX outbox_due ON outbox(next_attempt_at)"_s,
             u"CREATE TABLE altcha_used (challenge TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX altcha_used_expires ON altcha_used(expires_at)"_s,
         }},
        // 6: the advisor's calendar (issue 5). Each organisation's change counter gives every changed
        // booking or contact message a `version` (the cursor of GET /requests?since=); `floor` is the
        // oldest cursor still answerable once tombstones of removed rows were pruned. `note_sealed` is the
        // advisor's private note (a sealed envelope, opaque here). `held_changes` keeps what an undoable
        // advisor change replaced and the outbox row of its held mail; `not_before` holds that mail back.
        {6,
         {
             u"CREATE TABLE org_changes (organisation_id TEXT PRIMARY KEY REFERENCES organisations(id), "
             "counter BIGINT NOT NULL, floor BIGINT NOT NULL DEFAULT 0)"_s,
             u"ALTER TABLE bookings ADD COLUMN version BIGINT NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE bookings ADD COLUMN note_sealed TEXT"_s,
             u"CREATE INDEX bookings_organisation_version ON bookings(organisation_id, version)"_s,
             u"ALTER TABLE contact_messages ADD COLUMN version BIGINT NOT NULL DEFAULT 0"_s,
             u"CREATE INDEX contact_messages_organisation_version ON contact_messages(organisation_id, version)"_s,
             u"CREATE TABLE tombstones (organisation_id TEXT NOT NULL REFERENCES organisations(id), "
             "kind TEXT NOT NULL, id TEXT NOT NULL, version BIGINT NOT NULL, removed_at BIGINT NOT NULL, "
             "PRIMARY KEY (organisation_id, kind, id))"_s,
             u"CREATE INDEX tombstones_removed ON tombstones(removed_at)"_s,
             u"CREATE TABLE held_changes (change_id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), booking_id TEXT NOT NULL, "
             "action TEXT NOT NULL, previous_start BIGINT NOT NULL, previous_end BIGINT NOT NULL, "
             "previous_status TEXT NOT NULL, previous_sequence INTEGER NOT NULL, previous_proposal_start BIGINT, "
             "previous_proposal_end BIGINT, after_start BIGINT NOT NULL, after_end BIGINT NOT NULL, "
             "after_status TEXT NOT NULL, after_sequence INTEGER NOT NULL, outbox_id TEXT NOT NULL, "
             "until_at BIGINT NOT NULL, created_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX held_changes_booking ON held_changes(booking_id, created_at)"_s,
             u"CREATE INDEX held_changes_organisation ON held_changes(organisation_id, until_at)"_s,
             u"ALTER TABLE outbox ADD COLUMN not_before BIGINT NOT NULL DEFAULT 0"_s,
             // Rows from before get version 1, so that `since=0` (a full sync) includes them.
             u"INSERT INTO org_changes (organisation_id, counter, floor) SELECT id, 1, 0 FROM organisations"_s,
             u"UPDATE bookings SET version = 1"_s,
             u"UPDATE contact_messages SET version = 1"_s,
         }},
    };
    return all;
}

int latestSchemaVersion()
{
    return migrations().constLast().version;
}

} // namespace Lotse::Server
