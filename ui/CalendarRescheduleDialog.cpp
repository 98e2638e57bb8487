#include "ui/CalendarRescheduleDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

constexpr int StartRole = Qt::UserRole;
constexpr int EndRole = Qt::UserRole + 1;

// The locale's short time format without seconds (some locales carry them in the short format).
QString shortTimeFormat(const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    return format;
}

} // namespace

CalendarRescheduleDialog::CalendarRescheduleDialog(const QString &who, const QDateTime &start, const QDateTime &end,
                                                   const QTimeZone &zone, const QTimeZone &theirZone,
                                                   const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_zone(zone)
    , m_theirZone(theirZone)
    , m_originalStart(start.toUTC())
    , m_now(now.toUTC())
    , m_dateEdit(new QDateEdit(this))
    , m_timeEdit(new QTimeEdit(this))
    , m_durationSpinBox(new QSpinBox(this))
    , m_summaryLabel(new QLabel(this))
    , m_slotsStatusLabel(new QLabel(this))
    , m_slotsListWidget(new QListWidget(this))
    , m_moveButton(new QPushButton(this))
{
    setObjectName(u"rescheduleDialog"_s);
    setWindowTitle(tr("Reschedule the appointment"));
    const QLocale locale;
    const QDateTime from = start.toTimeZone(zone);
    const QDateTime to = end.toTimeZone(zone);

    auto *introLabel = new QLabel(
        who.isEmpty() ? tr("The help-seeker gets an e-mail with the new time. You can undo the change for a short "
                           "while.")
                      : tr("%1 gets an e-mail with the new time. You can undo the change for a short while.").arg(who),
        this);
    introLabel->setWordWrap(true);
    //: %1 date, %2 start time, %3 end time: the appointment's time before the move
    auto *currentLabel = new QLabel(tr("Currently: %1, %2–%3")
                                        .arg(locale.toString(from.date(), QLocale::LongFormat),
                                             locale.toString(from.time(), shortTimeFormat(locale)),
                                             locale.toString(to.time(), shortTimeFormat(locale))),
                                    this);
    currentLabel->setObjectName(u"rescheduleCurrentLabel"_s);
    currentLabel->setProperty("tone", u"hint"_s);

    m_dateEdit->setObjectName(u"rescheduleDateEdit"_s);
    m_dateEdit->setCalendarPopup(true);
    //: Date field of the reschedule dialog (QDate format: ddd = short weekday, MMM = short month)
    m_dateEdit->setDisplayFormat(tr("ddd, d MMM yyyy"));
    m_dateEdit->setDate(from.date());
    m_dateEdit->setMinimumDate(now.toTimeZone(zone).date());
    m_timeEdit->setObjectName(u"rescheduleTimeEdit"_s);
    m_timeEdit->setDisplayFormat(shortTimeFormat(locale));
    m_timeEdit->setTime(QTime(from.time().hour(), from.time().minute()));
    m_durationSpinBox->setObjectName(u"rescheduleDurationSpinBox"_s);
    m_durationSpinBox->setRange(MinimumMinutes, MaximumMinutes);
    m_durationSpinBox->setSingleStep(5);
    //: Unit after the length of an appointment in minutes, with its leading space
    m_durationSpinBox->setSuffix(tr(" min"));
    m_durationSpinBox->setValue(int(std::clamp<qint64>(start.secsTo(end) / 60, MinimumMinutes, MaximumMinutes)));
    m_summaryLabel->setObjectName(u"rescheduleSummaryLabel"_s);
    m_summaryLabel->setWordWrap(true);
    // Room for the new time and the help-seeker's line, so the dialog does not jump while typing.
    m_summaryLabel->setMinimumHeight(2 * m_summaryLabel->fontMetrics().lineSpacing() + 12);
    m_slotsStatusLabel->setObjectName(u"rescheduleSlotsStatusLabel"_s);
    m_slotsStatusLabel->setProperty("tone", u"hint"_s);
    m_slotsStatusLabel->setWordWrap(true);
    m_slotsStatusLabel->setText(tr("Looking up your free times…"));
    m_slotsListWidget->setObjectName(u"rescheduleSlotsListWidget"_s);
    m_slotsListWidget->setVisible(false);
    m_moveButton->setObjectName(u"rescheduleMoveButton"_s);
    m_moveButton->setText(tr("Move"));
    m_moveButton->setProperty("primary", true);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(6);
    const QList<std::pair<QString, QWidget *>> rows{
        {tr("Date:"), m_dateEdit}, {tr("Start:"), m_timeEdit}, {tr("Length:"), m_durationSpinBox}};
    int row = 0;
    for (const auto &[caption, field] : rows) {
        auto *label = new QLabel(caption, this);
        label->setBuddy(field);
        grid->addWidget(label, row, 0);
        grid->addWidget(field, row, 1);
        ++row;
    }
    grid->setColumnStretch(2, 1);
    auto *zoneLabel = new QLabel(tr("Times are in your time zone (%1).").arg(QString::fromUtf8(zone.id())), this);
    zoneLabel->setProperty("tone", u"hint"_s);
    auto *slotsCaption = new QLabel(tr("Or pick one of your free times:"), this);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_moveButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(introLabel);
    layout->addWidget(currentLabel);
    layout->addLayout(grid);
    layout->addWidget(zoneLabel);
    layout->addWidget(m_summaryLabel);
    layout->addSpacing(4);
    layout->addWidget(slotsCaption);
    layout->addWidget(m_slotsStatusLabel);
    layout->addWidget(m_slotsListWidget, 1);
    layout->addWidget(buttons);
    resize(460, 560);

    connect(m_dateEdit, &QDateEdit::dateChanged, this, &CalendarRescheduleDialog::updateSummary);
    connect(m_timeEdit, &QTimeEdit::timeChanged, this, &CalendarRescheduleDialog::updateSummary);
    connect(m_durationSpinBox, &QSpinBox::valueChanged, this, &CalendarRescheduleDialog::updateSummary);
    // A free time fills in the fields; the advisor still confirms with Move.
    connect(m_slotsListWidget, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item || !item->data(StartRole).isValid())
            return;
        const QDateTime slotStart = item->data(StartRole).toDateTime().toTimeZone(m_zone);
        m_dateEdit->setDate(slotStart.date());
        m_timeEdit->setTime(slotStart.time());
    });
    connect(m_slotsListWidget, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        if (item->data(StartRole).isValid() && chosenStart().isValid())
            accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (chosenStart().isValid())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateSummary();
}

void CalendarRescheduleDialog::setFreeSlots(const QList<Slot> &freeSlots)
{
    m_slotsListWidget->clear();
    if (freeSlots.isEmpty()) {
        m_slotsStatusLabel->setText(tr("No free times in the next weeks; type a time above."));
        return;
    }
    m_slotsStatusLabel->setVisible(false);
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
            u"    "_s + tr("%1 – %2").arg(locale.toString(start.time(), shortTimeFormat(locale)),
                                          locale.toString(slot.end.toTimeZone(m_zone).time(), shortTimeFormat(locale))),
            m_slotsListWidget);
        item->setData(StartRole, slot.start);
        item->setData(EndRole, slot.end);
    }
    m_slotsListWidget->setVisible(true);
}

void CalendarRescheduleDialog::showSlotsError(const QString &message)
{
    m_slotsStatusLabel->setText(message);
}

QDateTime CalendarRescheduleDialog::chosenStart() const
{
    const QDateTime start = QDateTime(m_dateEdit->date(), m_timeEdit->time(), m_zone).toUTC();
    // A wall-clock time that does not exist (the hour skipped when the clocks go forward) is moved
    // by Qt; the advisor sees that in the summary, so it is still a valid choice.
    if (!start.isValid() || start <= m_now || start == m_originalStart)
        return {};
    return start;
}

QDateTime CalendarRescheduleDialog::chosenEnd() const
{
    const QDateTime start = chosenStart();
    return start.isValid() ? start.addSecs(qint64(m_durationSpinBox->value()) * 60) : QDateTime();
}

void CalendarRescheduleDialog::updateSummary()
{
    const QLocale locale;
    const QDateTime start = QDateTime(m_dateEdit->date(), m_timeEdit->time(), m_zone).toUTC();
    const QDateTime end = start.addSecs(qint64(m_durationSpinBox->value()) * 60);
    QString text;
    bool error = false;
    if (start <= m_now) {
        text = tr("That time has already passed. Choose a time in the future.");
        error = true;
    } else if (start == m_originalStart) {
        text = tr("The appointment is already at this time.");
    } else {
        const QDateTime from = start.toTimeZone(m_zone);
        const QDateTime to = end.toTimeZone(m_zone);
        //: %1 date, %2 start time, %3 end time of the new time
        text = tr("New time: %1, %2–%3")
                   .arg(locale.toString(from.date(), QLocale::LongFormat),
                        locale.toString(from.time(), shortTimeFormat(locale)),
                        locale.toString(to.time(), shortTimeFormat(locale)));
        if (m_theirZone.isValid() && m_theirZone.offsetFromUtc(start) != m_zone.offsetFromUtc(start)) {
            const QDateTime theirs = start.toTimeZone(m_theirZone);
            //: %1 the new start in the help-seeker's time, %2 their time zone
            text += u'\n' + tr("For the help-seeker: %1 (%2)")
                                .arg(locale.toString(theirs.time(), shortTimeFormat(locale)),
                                     QString::fromUtf8(m_theirZone.id()));
            if (theirs.date() != from.date())
                text += u", "_s + locale.toString(theirs.date(), QLocale::ShortFormat);
        }
    }
    m_summaryLabel->setText(text);
    m_summaryLabel->setProperty("tone", error ? u"error"_s : QString());
    m_summaryLabel->style()->unpolish(m_summaryLabel);
    m_summaryLabel->style()->polish(m_summaryLabel);
    m_moveButton->setEnabled(chosenStart().isValid());
}

} // namespace Lotse::Ui
