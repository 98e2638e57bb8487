#include "ui/ProposeDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {
constexpr int StartRole = Qt::UserRole;
}

ProposeDialog::ProposeDialog(const QTimeZone &zone, QWidget *parent, Purpose purpose)
    : QDialog(parent)
    , m_zone(zone)
    , m_statusLabel(new QLabel(this))
    , m_slotsListWidget(new QListWidget(this))
    , m_proposeButton(new QPushButton(this))
{
    setObjectName(u"proposeDialog"_s);
    const bool reschedule = purpose == Purpose::Reschedule;
    setWindowTitle(reschedule ? tr("Reschedule the appointment") : tr("Propose another time"));
    auto *introLabel = new QLabel(reschedule ? tr("Choose one of your free times. The appointment moves there, and "
                                                  "the help-seeker gets an e-mail with the new time.")
                                             : tr("Choose one of your free times. The person gets an e-mail with a "
                                                  "link to accept it."),
                                  this);
    introLabel->setWordWrap(true);
    m_statusLabel->setObjectName(u"slotsStatusLabel"_s);
    m_statusLabel->setProperty("tone", u"hint"_s);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setText(tr("Looking up your free times…"));
    m_slotsListWidget->setObjectName(u"slotsListWidget"_s);
    m_slotsListWidget->setVisible(false);
    m_proposeButton->setObjectName(u"proposeConfirmButton"_s);
    m_proposeButton->setText(reschedule ? tr("Move to this time") : tr("Propose this time"));
    m_proposeButton->setEnabled(false);
    m_proposeButton->setProperty("primary", true);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_proposeButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(introLabel);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_slotsListWidget, 1);
    layout->addWidget(buttons);
    resize(420, 460);

    connect(m_slotsListWidget, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *item) { m_proposeButton->setEnabled(item && item->data(StartRole).isValid()); });
    connect(m_slotsListWidget, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        if (item->data(StartRole).isValid())
            accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ProposeDialog::setSlots(const QList<Slot> &freeSlots)
{
    m_slotsListWidget->clear();
    if (freeSlots.isEmpty()) {
        m_statusLabel->setText(tr("You have no free times in the next weeks. Add hours on the Availability page."));
        return;
    }
    m_statusLabel->setText(tr("Times are in your time zone (%1).").arg(QString::fromUtf8(m_zone.id())));
    const QLocale locale;
    QDate day;
    for (const Slot &slot : freeSlots) {
        const QDateTime start = slot.start.toTimeZone(m_zone);
        if (start.date() != day) {
            day = start.date();
            //: Day heading in the list of free times (QDate format)
            auto *heading = new QListWidgetItem(locale.toString(day, tr("dddd, d MMMM")), m_slotsListWidget);
            heading->setFlags(Qt::NoItemFlags);
            QFont font = heading->font();
            font.setBold(true);
            heading->setFont(font);
        }
        auto *item = new QListWidgetItem(
            u"    "_s + tr("%1 – %2").arg(locale.toString(start.time(), QLocale::ShortFormat),
                                          locale.toString(slot.end.toTimeZone(m_zone).time(), QLocale::ShortFormat)),
            m_slotsListWidget);
        item->setData(StartRole, slot.start);
    }
    m_slotsListWidget->setVisible(true);
}

void ProposeDialog::showError(const QString &message)
{
    m_statusLabel->setText(message);
}

QDateTime ProposeDialog::chosenStart() const
{
    const QListWidgetItem *item = m_slotsListWidget->currentItem();
    return item ? item->data(StartRole).toDateTime() : QDateTime();
}

} // namespace Lotse::Ui
