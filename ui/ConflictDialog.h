#pragma once

#include "app/LocalStore.h"

#include <QDialog>

namespace Lotse::Client {
class RequestsModel;
}

namespace Lotse::Ui {

// A change the advisor made met a newer state on the server (someone else, or the help-seeker,
// changed the appointment in between). Shows both and lets the advisor choose: keep mine
// (Accepted) sends the change again over the server's state; take theirs (TakeTheirs) drops it.
// Closed without a choice (Rejected), the change keeps waiting for a decision.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int TakeTheirs = 2;

    ConflictDialog(const Client::LocalStore::OutboxEntry &entry, const Client::RequestsModel *model,
                   QWidget *parent = nullptr);

    [[nodiscard]] qint64 seq() const { return m_seq; }
    // The advisor's change in words ("Confirm", "Move to Mon, 7 Dec 2026, 10:00").
    [[nodiscard]] static QString describeChange(const Client::LocalStore::OutboxEntry &entry,
                                                const Client::RequestsModel *model);

private:
    qint64 m_seq;
};

} // namespace Lotse::Ui
