#include "app/BookingRequest.h"

#include "crypto/CanonicalJson.h"
#include "crypto/Random.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

QDateTime utc(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (time.isValid())
        time = time.toUTC();
    return time;
}

// A personal field: a string of sensible length without control characters other than line breaks.
bool cleanText(const QJsonValue &value, qsizetype maxLength, QString *out)
{
    if (value.isUndefined()) {
        out->clear();
        return true;
    }
    if (!value.isString())
        return false;
    const QString text = value.toString();
    if (text.size() > maxLength)
        return false;
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && c != u'\n' && c != u'\t')
            return false;
    }
    *out = text;
    return true;
}

} // namespace

QString BookingRequest::fullName() const
{
    if (fields != Fields::Opened)
        return {};
    return QStringList{firstName, lastName}.join(u' ').trimmed();
}

QByteArray BookingRequest::sealContext() const
{
    return (kind == Kind::Message ? "message:"_ba : "booking:"_ba) + id.toUtf8();
}

BookingRequest BookingRequest::fromJson(const QJsonObject &json)
{
    BookingRequest request;
    request.kind = json.value("kind"_L1).toString() == "message"_L1 ? Kind::Message : Kind::Booking;
    request.id = json.value("id"_L1).toString();
    request.status = json.value("status"_L1).toString();
    request.type = json.value("type"_L1).toString();
    request.start = utc(json.value("start"_L1));
    request.end = utc(json.value("end"_L1));
    request.advisorId = json.value("advisorId"_L1).toString();
    request.locationId = json.value("locationId"_L1).toString();
    request.language = json.value("language"_L1).toString();
    request.timeZone = json.value("timeZone"_L1).toString();
    request.email = json.value("email"_L1).toString();
    request.createdAt = utc(json.value("createdAt"_L1));
    request.sequence = json.value("sequence"_L1).toInt();
    request.sealed = Crypto::fromBase64Url(json.value("sealed"_L1).toString()).value_or(QByteArray());
    request.version = json.value("version"_L1).toInteger();
    if (json.value("note"_L1).isString())
        request.note = Crypto::fromBase64Url(json.value("note"_L1).toString()).value_or(QByteArray());
    const QJsonObject proposal = json.value("proposal"_L1).toObject();
    request.proposalStart = utc(proposal.value("start"_L1));
    request.proposalEnd = utc(proposal.value("end"_L1));
    if (!request.proposalStart.isValid() || !request.proposalEnd.isValid() ||
        request.proposalEnd < request.proposalStart) {
        request.proposalStart = {};
        request.proposalEnd = {};
    }
    const QJsonObject pending = json.value("pendingChange"_L1).toObject();
    request.pendingChangeUntil = utc(pending.value("until"_L1));
    if (request.pendingChangeUntil.isValid())
        request.pendingChangeId = pending.value("changeId"_L1).toString();
    return request;
}

void BookingRequest::openFields(const Opener &open)
{
    firstName.clear();
    lastName.clear();
    phone.clear();
    address.clear();
    message.clear();
    const auto plain = open(sealContext(), sealed);
    if (!plain) {
        fields = plain.error() == Crypto::Error::NotARecipient ? Fields::NotForThisDevice : Fields::Unreadable;
        return;
    }
    fields = Fields::Unreadable;
    const auto parsed = Crypto::CanonicalJson::parse(plain.value());
    if (!parsed || !parsed->isObject())
        return;
    const QJsonObject object = parsed->toObject();
    static const QStringList known = {u"firstName"_s, u"lastName"_s, u"phone"_s, u"address"_s, u"message"_s};
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return;
    }
    BookingRequest opened;
    if (!cleanText(object.value("firstName"_L1), 200, &opened.firstName) ||
        !cleanText(object.value("lastName"_L1), 200, &opened.lastName) ||
        !cleanText(object.value("phone"_L1), 100, &opened.phone) ||
        !cleanText(object.value("address"_L1), 1000, &opened.address) ||
        !cleanText(object.value("message"_L1), 20000, &opened.message))
        return;
    firstName = opened.firstName;
    lastName = opened.lastName;
    phone = opened.phone;
    address = opened.address;
    message = opened.message;
    fields = Fields::Opened;
}

} // namespace Lotse::Client
