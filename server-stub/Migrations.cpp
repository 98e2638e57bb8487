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
        // 7: rooms and the instant-call waiting room (issue 6; 6 is issue 5's). Ciphertext and
        // metadata only: record envelopes (base64url), sizes, times, key ids, client ids; the
        // instant call's name is a sealed envelope. A room's id is its booking's or instant call's id.
        // `last_seq` hands out the per-room sequence (never reused, also after retention); an instant
        // call's `arrival` orders the queue (seconds are too coarse to tell two arrivals apart).
        {7,
         {
             u"CREATE TABLE rooms (id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), kind TEXT NOT NULL, "
             "visitor_key TEXT NOT NULL, visitor_key_id TEXT NOT NULL, visitor_key_added_at BIGINT NOT NULL, "
             "last_seq BIGINT NOT NULL DEFAULT 0, last_activity_at BIGINT, created_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX rooms_organisation ON rooms(organisation_id, created_at)"_s,
             u"CREATE TABLE room_messages (room_id TEXT NOT NULL REFERENCES rooms(id), seq BIGINT NOT NULL, "
             "sender_key_id TEXT NOT NULL, client_id TEXT NOT NULL, envelope TEXT NOT NULL, "
             "size INTEGER NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (room_id, seq), "
             "UNIQUE (room_id, sender_key_id, client_id))"_s,
             u"CREATE INDEX room_messages_at ON room_messages(at)"_s,
             u"CREATE TABLE room_key_envelopes (id TEXT PRIMARY KEY, room_id TEXT NOT NULL REFERENCES rooms(id), "
             "epoch BIGINT NOT NULL, poster TEXT NOT NULL, sender_key_id TEXT NOT NULL, sealed TEXT NOT NULL, "
             "created_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX room_key_envelopes_room ON room_key_envelopes(room_id, epoch)"_s,
             u"CREATE TABLE room_key_recipients (envelope_id TEXT NOT NULL REFERENCES room_key_envelopes(id), "
             "room_id TEXT NOT NULL, key_id TEXT NOT NULL, PRIMARY KEY (envelope_id, key_id))"_s,
             u"CREATE INDEX room_key_recipients_key ON room_key_recipients(room_id, key_id)"_s,
             u"CREATE TABLE instant_calls (id TEXT PRIMARY KEY, "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), sealed_name TEXT NOT NULL, "
             "browser_key TEXT NOT NULL, language TEXT NOT NULL, status TEXT NOT NULL, "
             "capability_hash TEXT NOT NULL UNIQUE, request_hash TEXT NOT NULL, reply_sealed TEXT NOT NULL, "
             "arrival BIGINT NOT NULL UNIQUE, created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, "
             "taken_by TEXT REFERENCES advisors(id), taken_at BIGINT, ended_at BIGINT)"_s,
             u"CREATE INDEX instant_calls_queue ON instant_calls(organisation_id, status, arrival)"_s,
         }},
        // 8: room files (issue 6). The blob itself lives in DATA_DIR/blobs/<room>/<file>; the row
        // holds what the server may know: the declared and received stream size, who uploads it
        // (advisor:<id> or visitor) and when. `updated_at` (the last piece) drives the clean-up
        // of abandoned uploads.
        {8,
         {
             u"CREATE TABLE room_files (room_id TEXT NOT NULL REFERENCES rooms(id), id TEXT NOT NULL, "
             "uploader TEXT NOT NULL, sender_key_id TEXT, size BIGINT NOT NULL, received BIGINT NOT NULL DEFAULT 0, "
             "complete INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, "
             "PRIMARY KEY (room_id, id))"_s,
             u"CREATE INDEX room_files_incomplete ON room_files(complete, updated_at)"_s,
         }},
        // 9: calls (issue 7). An interpreter invited to a room's calls: only its capability's hash,
        // its X25519 key once its browser set one, and the times (it ends by leaving, removal or
        // expiry). `call_addresses` keeps the IP addresses of call participants (TURN credentials
        // and relay joins) apart from everything else, so that retention can anonymise them
        // (`anonymised` = 1: cut to /24 or /48) within 7 days and delete them after 30.
        {9,
         {
             u"CREATE TABLE room_interpreters (id TEXT PRIMARY KEY, room_id TEXT NOT NULL REFERENCES rooms(id), "
             "organisation_id TEXT NOT NULL REFERENCES organisations(id), capability_hash TEXT NOT NULL UNIQUE, "
             "created_by TEXT NOT NULL, browser_key TEXT, key_id TEXT, created_at BIGINT NOT NULL, "
             "expires_at BIGINT NOT NULL, joined_at BIGINT, ended_at BIGINT)"_s,
             u"CREATE INDEX room_interpreters_room ON room_interpreters(room_id, created_at)"_s,
             u"CREATE TABLE call_addresses (id TEXT PRIMARY KEY, room_id TEXT NOT NULL, participant TEXT NOT NULL, "
             u"source TEXT NOT NULL, "
             "address TEXT NOT NULL, anonymised INTEGER NOT NULL DEFAULT 0, seen_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX call_addresses_seen ON call_addresses(anonymised, seen_at)"_s,
         }},
    };
    return all;
}

int latestSchemaVersion()
{
    return migrations().constLast().version;
}

} // namespace Lotse::Server
