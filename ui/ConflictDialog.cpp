#include "ui/ConflictDialog.h"

#include "app/BookingRequest.h"
#include "app/RequestsModel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

QDateTime utc(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

QString ConflictDialog::describeChange(const Client::LocalStore::OutboxEntry &entry, const Client::RequestsModel *model)
{
    const QString action = entry.path.section(u'/', -1);
    Client::BookingRequest moved = Client::BookingRequest::fromJson(entry.current);
    const QDateTime start = utc(entry.body.value("start"_L1));
    if (start.isValid()) {
        const qint64 duration = moved.start.isValid() ? moved.start.secsTo(moved.end) : 0;
        QDateTime end = utc(entry.body.value("end"_L1));
        moved.start = start;
        moved.end = end.isValid() ? end : start.addSecs(duration);
    }
    if (action == "confirm"_L1)
        return tr("Confirm the appointment");
    if (action == "decline"_L1)
        return tr("Decline: “%1”").arg(entry.body.value("reason"_L1).toString());
    if (action == "propose"_L1)
        return tr("Propose another time: %1").arg(model->timeText(moved, false));
    if (action == "reschedule"_L1)
        return tr("Move to %1").arg(model->timeText(moved, false));
    if (action == "cancel"_L1)
        return tr("Cancel the appointment");
    if (action == "note"_L1)
        return tr("Change your private note");
    if (action == "done"_L1)
        return tr("Mark the message as done");
    return action;
}

ConflictDialog::ConflictDialog(const Client::LocalStore::OutboxEntry &entry, const Client::RequestsModel *model,
                               QWidget *parent)
    : QDialog(parent)
    , m_seq(entry.seq)
{
    setObjectName(u"conflictDialog"_s);
    setWindowTitle(tr("Changed on the server"));
    const Client::BookingRequest theirs = Client::BookingRequest::fromJson(entry.current);
    const Client::BookingRequest *known = model->request(entry.target);
    const QString who = known ? known->fullName() : QString();

    auto *introLabel = new QLabel(
        who.isEmpty() ? tr("This appointment was changed on the server after you changed it here. Which version "
                           "should count?")
                      : tr("The appointment with %1 was changed on the server after you changed it here. Which "
                           "version should count?")
                            .arg(who),
        this);
    introLabel->setWordWrap(true);
    auto *mineLabel = new QLabel(describeChange(entry, model), this);
    mineLabel->setObjectName(u"conflictMineLabel"_s);
    mineLabel->setWordWrap(true);
    QString theirsText = Client::RequestsModel::statusText(theirs);
    if (theirs.isBooking() && theirs.start.isValid())
        theirsText += u" · "_s + model->timeText(theirs, false);
    auto *theirsLabel = new QLabel(theirsText, this);
    theirsLabel->setObjectName(u"conflictTheirsLabel"_s);
    theirsLabel->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Your change:"), mineLabel);
    form->addRow(tr("Now on the server:"), theirsLabel);

    auto *keepMineButton = new QPushButton(tr("Keep mine"), this);
    keepMineButton->setObjectName(u"keepMineButton"_s);
    keepMineButton->setProperty("primary", true);
    auto *takeTheirsButton = new QPushButton(tr("Take theirs"), this);
    takeTheirsButton->setObjectName(u"takeTheirsButton"_s);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(takeTheirsButton, QDialogButtonBox::DestructiveRole);
    buttons->addButton(keepMineButton, QDialogButtonBox::AcceptRole);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(introLabel);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
    connect(keepMineButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(takeTheirsButton, &QPushButton::clicked, this, [this] { done(TakeTheirs); });
}

} // namespace Lotse::Ui
