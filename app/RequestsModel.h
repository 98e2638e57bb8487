#pragma once

#include "app/BookingRequest.h"

#include <QAbstractListModel>
#include <QTimeZone>

namespace Lotse::Client {

// The organisation's booking requests and contact messages, newest open ones first, with the
// personal fields opened on this device. Updates in place (rows move, appear and disappear) so
// that a refresh keeps the advisor's selection.
class RequestsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole,
        KindRole,       // BookingRequest::Kind as int
        StatusRole,     // the server's status word
        StatusTextRole, // the status for people
        TypeRole,       // video, phone, onsite; empty for messages
        StartRole,      // QDateTime, UTC
        EndRole,
        TimeTextRole,      // start–end in the advisor's zone, plus the help-seeker's when it differs
        ShortTimeTextRole, // start–end in the advisor's zone only (for the list)
        TimeZoneRole,      // the help-seeker's zone
        FieldsRole,        // BookingRequest::Fields as int
        NameRole,          // "First Last" when opened
        FirstNameRole,
        LastNameRole,
        PhoneRole,
        AddressRole,
        MessageRole,
        EmailRole,
        LanguageRole,
        LocationIdRole,
        AdvisorIdRole,
        CreatedAtRole,
        IsOpenRole, // waiting for the advisor
    };
    Q_ENUM(Role)

    explicit RequestsModel(QObject *parent = nullptr);

    // How the personal fields are opened: the device key in the app, a test key in tests.
    void setOpener(BookingRequest::Opener opener) { m_opener = std::move(opener); }
    // The zone times are shown in (the advisor's; the system zone by default).
    void setAdvisorTimeZone(const QTimeZone &zone);
    [[nodiscard]] QTimeZone advisorTimeZone() const { return m_zone; }

    // Replaces the contents with `requests` (sealed, as the server sent them), opening each.
    void setRequests(QList<BookingRequest> requests);
    void clear();

    [[nodiscard]] int openCount() const;
    [[nodiscard]] int rowOf(const QString &id) const;
    [[nodiscard]] const BookingRequest *request(const QString &id) const;
    [[nodiscard]] const BookingRequest &at(int row) const { return m_requests.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] static QString statusText(const BookingRequest &request);
    [[nodiscard]] QString timeText(const BookingRequest &request, bool withTheirZone = true) const;

Q_SIGNALS:
    void openCountChanged(int count);

private:
    static bool sortsBefore(const BookingRequest &a, const BookingRequest &b);

    QList<BookingRequest> m_requests;
    BookingRequest::Opener m_opener;
    QTimeZone m_zone;
    int m_openCount = 0;
};

} // namespace Lotse::Client
