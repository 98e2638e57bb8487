#pragma once

#include "app/BookingRequest.h"
#include "app/LocalStore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Lotse::Client {

// What an advisor write means before the server has seen it: which request it touches, which
// version the advisor saw, and how the request looks once it went through. Every write
// (RequestsService::act) goes through here into the LocalStore's outbox.
namespace Outbox {

// The outbox entry for `verb path body` (e.g. POST /api/v1/bookings/{id}/confirm): a new
// Idempotency-Key, and If-Match with the request's stored version; when an earlier change to
// the same request still waits, the version that one leaves (looked up when it is sent).
[[nodiscard]] LocalStore::OutboxEntry entryFor(const LocalStore &store, const QByteArray &verb, const QString &path,
                                               const QJsonObject &body);
// The request id a write's path names (bookings/{id}/..., messages/{id}/...); empty otherwise.
[[nodiscard]] QString targetOf(const QString &path);
// Changes `item` (as GET /requests lists it) the way the server will once the write is through.
void applyOptimistically(const LocalStore::OutboxEntry &entry, QJsonObject &item);
// What the advisor sees: the stored items with the waiting changes on top, in the order they
// were made (still sealed; RequestsModel opens them).
[[nodiscard]] QList<BookingRequest> requestsWithPendingChanges(const LocalStore &store);

} // namespace Outbox
} // namespace Lotse::Client
