#include "ui/AvailabilityPage.h"

#include "app/Session.h"
#include "ui/WeekGridWidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

using Settings = Client::AvailabilitySettings;

QSpinBox *minutesSpinBox(QWidget *parent, const QString &objectName, int maximum, int step)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, maximum);
    spin->setSingleStep(step);
    return spin;
}

QScrollArea *scrolling(QWidget *content, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area->setStyleSheet(u"QScrollArea { background: transparent; }"_s);
    area->viewport()->setAutoFillBackground(false);
    content->setAutoFillBackground(false);
    return area;
}

} // namespace

AvailabilityPage::AvailabilityPage(Client::Session *session, Client::AvailabilityService *service, QWidget *parent)
    : SectionPage(u":/lotse/icons/availability.svg"_s, parent)
    , m_session(session)
    , m_service(service)
    , m_hoursGroupBox(new QGroupBox(this))
    , m_gridHintLabel(new QLabel(this))
    , m_weekGrid(new WeekGridWidget(this))
    , m_weeklyErrorLabel(errorLabel(u"weeklyErrorLabel"_s))
    , m_zoneGroupBox(new QGroupBox(this))
    , m_timeZoneComboBox(new QComboBox(this))
    , m_timeZoneErrorLabel(errorLabel(u"timeZoneErrorLabel"_s))
    , m_typesGroupBox(new QGroupBox(this))
    , m_locationsLabel(new QLabel(this))
    , m_locationsListWidget(new QListWidget(this))
    , m_typesErrorLabel(errorLabel(u"typesErrorLabel"_s))
    , m_rulesGroupBox(new QGroupBox(this))
    , m_bufferBeforeLabel(new QLabel(this))
    , m_bufferBeforeSpinBox(minutesSpinBox(this, u"bufferBeforeSpinBox"_s, 240, 5))
    , m_bufferAfterLabel(new QLabel(this))
    , m_bufferAfterSpinBox(minutesSpinBox(this, u"bufferAfterSpinBox"_s, 240, 5))
    , m_noticeLabel(new QLabel(this))
    , m_noticeSpinBox(minutesSpinBox(this, u"noticeSpinBox"_s, 90 * 24, 1))
    , m_horizonLabel(new QLabel(this))
    , m_horizonSpinBox(minutesSpinBox(this, u"horizonSpinBox"_s, 365, 1))
    , m_stepLabel(new QLabel(this))
    , m_stepComboBox(new QComboBox(this))
    , m_rulesErrorLabel(errorLabel(u"rulesErrorLabel"_s))
    , m_absencesGroupBox(new QGroupBox(this))
    , m_absencesListWidget(new QListWidget(this))
    , m_absenceFromDateEdit(new QDateEdit(this))
    , m_absenceToDateEdit(new QDateEdit(this))
    , m_absenceLabelLineEdit(new QLineEdit(this))
    , m_addAbsenceButton(new QPushButton(this))
    , m_removeAbsenceButton(new QPushButton(this))
    , m_absencesErrorLabel(errorLabel(u"absencesErrorLabel"_s))
    , m_orgGroupBox(new QGroupBox(this))
    , m_autoConfirmCheckBox(new QCheckBox(this))
    , m_autoConfirmHintLabel(new QLabel(this))
    , m_saveButton(new QPushButton(this))
    , m_reloadButton(new QPushButton(this))
    , m_statusLabel(new QLabel(this))
    , m_errorLabel(errorLabel(u"availabilityErrorLabel"_s))
{
    setObjectName(u"availabilityPage"_s);
    letContentFill();
    m_hoursGroupBox->setObjectName(u"hoursGroupBox"_s);
    m_gridHintLabel->setProperty("tone", u"hint"_s);
    m_gridHintLabel->setWordWrap(true);
    m_timeZoneComboBox->setObjectName(u"timeZoneComboBox"_s);
    m_timeZoneComboBox->setEditable(true);
    m_timeZoneComboBox->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        if (id.contains('/') && !id.startsWith("Etc/"))
            m_timeZoneComboBox->addItem(QString::fromUtf8(id));
    }
    m_locationsListWidget->setObjectName(u"locationsListWidget"_s);
    m_locationsListWidget->setMaximumHeight(90);
    m_locationsLabel->setProperty("tone", u"hint"_s);
    m_locationsLabel->setWordWrap(true);
    m_stepComboBox->setObjectName(u"stepComboBox"_s);
    for (int step : {5, 10, 15, 20, 30, 60})
        m_stepComboBox->addItem(QString(), step);
    m_absencesListWidget->setObjectName(u"absencesListWidget"_s);
    m_absencesListWidget->setMaximumHeight(110);
    m_absenceFromDateEdit->setObjectName(u"absenceFromDateEdit"_s);
    m_absenceToDateEdit->setObjectName(u"absenceToDateEdit"_s);
    for (QDateEdit *edit : {m_absenceFromDateEdit, m_absenceToDateEdit}) {
        edit->setCalendarPopup(true);
        edit->setDate(QDate::currentDate());
    }
    m_absenceLabelLineEdit->setObjectName(u"absenceLabelLineEdit"_s);
    m_absenceLabelLineEdit->setMaxLength(100);
    m_addAbsenceButton->setObjectName(u"addAbsenceButton"_s);
    m_removeAbsenceButton->setObjectName(u"removeAbsenceButton"_s);
    m_autoConfirmCheckBox->setObjectName(u"autoConfirmCheckBox"_s);
    m_autoConfirmHintLabel->setProperty("tone", u"hint"_s);
    m_autoConfirmHintLabel->setWordWrap(true);
    m_saveButton->setObjectName(u"saveAvailabilityButton"_s);
    m_saveButton->setProperty("primary", true);
    m_reloadButton->setObjectName(u"reloadAvailabilityButton"_s);
    m_statusLabel->setObjectName(u"availabilityStatusLabel"_s);
    m_statusLabel->setProperty("tone", u"hint"_s);

    // Left: the week grid.
    auto *hoursLayout = new QVBoxLayout(m_hoursGroupBox);
    hoursLayout->addWidget(m_gridHintLabel);
    hoursLayout->addWidget(m_weekGrid);
    hoursLayout->addWidget(m_weeklyErrorLabel);
    hoursLayout->addStretch(1);

    // Right: everything else, top to bottom.
    auto *zoneLayout = new QVBoxLayout(m_zoneGroupBox);
    zoneLayout->addWidget(m_timeZoneComboBox);
    zoneLayout->addWidget(m_timeZoneErrorLabel);

    auto *typesLayout = new QGridLayout(m_typesGroupBox);
    typesLayout->setColumnStretch(0, 1);
    int row = 0;
    for (const QString &type : {u"video"_s, u"phone"_s, u"onsite"_s}) {
        TypeRow typeRow{type, new QCheckBox(this), new QSpinBox(this)};
        typeRow.offeredCheckBox->setObjectName(type + u"CheckBox"_s);
        typeRow.durationSpinBox->setObjectName(type + u"DurationSpinBox"_s);
        typeRow.durationSpinBox->setRange(5, 480);
        typeRow.durationSpinBox->setSingleStep(5);
        typeRow.durationSpinBox->setValue(type == "phone"_L1 ? 30 : type == "video"_L1 ? 45 : 60);
        typeRow.durationSpinBox->setEnabled(false);
        connect(typeRow.offeredCheckBox, &QCheckBox::toggled, typeRow.durationSpinBox, &QWidget::setEnabled);
        typesLayout->addWidget(typeRow.offeredCheckBox, row, 0);
        typesLayout->addWidget(typeRow.durationSpinBox, row, 1);
        ++row;
        m_typeRows.append(typeRow);
    }
    connect(m_typeRows.last().offeredCheckBox, &QCheckBox::toggled, m_locationsListWidget, &QWidget::setEnabled);
    typesLayout->addWidget(m_locationsLabel, row++, 0, 1, 2);
    typesLayout->addWidget(m_locationsListWidget, row++, 0, 1, 2);
    typesLayout->addWidget(m_typesErrorLabel, row++, 0, 1, 2);

    auto *rulesLayout = new QFormLayout(m_rulesGroupBox);
    rulesLayout->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    rulesLayout->addRow(m_bufferBeforeLabel, m_bufferBeforeSpinBox);
    rulesLayout->addRow(m_bufferAfterLabel, m_bufferAfterSpinBox);
    rulesLayout->addRow(m_noticeLabel, m_noticeSpinBox);
    rulesLayout->addRow(m_horizonLabel, m_horizonSpinBox);
    rulesLayout->addRow(m_stepLabel, m_stepComboBox);
    rulesLayout->addRow(m_rulesErrorLabel);

    auto *absencesLayout = new QGridLayout(m_absencesGroupBox);
    absencesLayout->addWidget(m_absencesListWidget, 0, 0, 1, 3);
    absencesLayout->addWidget(m_absenceFromDateEdit, 1, 0);
    absencesLayout->addWidget(m_absenceToDateEdit, 1, 1);
    absencesLayout->addWidget(m_absenceLabelLineEdit, 2, 0, 1, 2);
    absencesLayout->addWidget(m_addAbsenceButton, 2, 2);
    absencesLayout->addWidget(m_removeAbsenceButton, 1, 2);
    absencesLayout->addWidget(m_absencesErrorLabel, 3, 0, 1, 3);

    auto *orgLayout = new QVBoxLayout(m_orgGroupBox);
    orgLayout->addWidget(m_autoConfirmCheckBox);
    orgLayout->addWidget(m_autoConfirmHintLabel);

    m_side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(m_side);
    sideLayout->setContentsMargins(0, 0, 6, 0);
    sideLayout->setSpacing(4);
    for (QGroupBox *box : {m_zoneGroupBox, m_typesGroupBox, m_rulesGroupBox, m_absencesGroupBox, m_orgGroupBox})
        sideLayout->addWidget(box);
    sideLayout->addStretch(1);

    auto *gridHolder = new QWidget(this);
    auto *gridHolderLayout = new QVBoxLayout(gridHolder);
    gridHolderLayout->setContentsMargins(0, 0, 6, 0);
    gridHolderLayout->addWidget(m_hoursGroupBox);
    gridHolderLayout->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(18);
    columns->addWidget(scrolling(gridHolder, this), 3);
    m_sideArea = scrolling(m_side, this);
    columns->addWidget(m_sideArea, 2);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_saveButton);
    bottom->addWidget(m_reloadButton);
    bottom->addWidget(m_statusLabel, 1);

    contentLayout()->addLayout(columns, 1);
    contentLayout()->addWidget(m_errorLabel);
    contentLayout()->addLayout(bottom);

    m_fieldErrorLabels = {{u"weekly"_s, m_weeklyErrorLabel},
                          {u"timeZone"_s, m_timeZoneErrorLabel},
                          {u"types"_s, m_typesErrorLabel},
                          {u"bufferBeforeMinutes"_s, m_rulesErrorLabel},
                          {u"bufferAfterMinutes"_s, m_rulesErrorLabel},
                          {u"minimumNoticeMinutes"_s, m_rulesErrorLabel},
                          {u"horizonDays"_s, m_rulesErrorLabel},
                          {u"slotStepMinutes"_s, m_rulesErrorLabel},
                          {u"absences"_s, m_absencesErrorLabel}};

    connect(m_stepComboBox, &QComboBox::currentIndexChanged, this,
            [this] { m_weekGrid->setStepMinutes(m_stepComboBox->currentData().toInt()); });
    connect(m_weekGrid, &WeekGridWidget::changed, this, [this] { m_statusLabel->clear(); });
    connect(m_addAbsenceButton, &QPushButton::clicked, this, &AvailabilityPage::addAbsence);
    connect(m_removeAbsenceButton, &QPushButton::clicked, this, [this] {
        const int current = m_absencesListWidget->currentRow();
        if (current >= 0 && current < m_absences.size()) {
            m_absences.removeAt(current);
            fillAbsences();
        }
    });
    connect(m_saveButton, &QPushButton::clicked, this, &AvailabilityPage::save);
    connect(m_reloadButton, &QPushButton::clicked, this, &AvailabilityPage::load);
    connect(m_autoConfirmCheckBox, &QCheckBox::clicked, this, [this](bool checked) {
        m_autoConfirmCheckBox->setEnabled(false);
        QPointer<AvailabilityPage> self(this);
        m_service->setAutoConfirm(m_loaded.org, checked, [self, checked](const Client::ApiError &error) {
            if (!self)
                return;
            self->m_autoConfirmCheckBox->setEnabled(true);
            if (error.isError()) {
                self->m_autoConfirmCheckBox->setChecked(!checked);
                self->m_errorLabel->setText(error.userMessage());
                self->m_errorLabel->show();
                return;
            }
            self->m_loaded.org.autoConfirm = checked;
            self->m_loaded.org.original.insert(u"autoConfirm"_s, checked);
            self->m_statusLabel->setText(tr("Saved."));
        });
    });
    connect(m_session, &Client::Session::stateChanged, this, [this](Client::Session::State state) {
        if (state == Client::Session::State::SignedIn) {
            load();
        } else {
            // Nothing of the last advisor's week stays behind.
            setEditable(false);
            m_weekGrid->setRanges({});
            m_absences.clear();
            fillAbsences();
        }
    });

    retranslate();
    refreshTitle();
    setEditable(false); // until the server's values are here; Undo changes stays to retry
    if (m_session->state() == Client::Session::State::SignedIn)
        load();
}

void AvailabilityPage::setEditable(bool editable)
{
    m_hoursGroupBox->setEnabled(editable);
    m_side->setEnabled(editable);
    m_saveButton->setEnabled(editable);
}

QLabel *AvailabilityPage::errorLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setProperty("tone", u"error"_s);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->hide();
    return label;
}

QString AvailabilityPage::title() const
{
    return tr("Availability");
}

void AvailabilityPage::retranslate()
{
    m_hoursGroupBox->setTitle(tr("Weekly hours"));
    m_gridHintLabel->setText(tr("Drag over the grid to mark when people can book you; drag over marked time to "
                                "clear it. Keyboard: arrows move, Shift+arrows select, Space marks or clears."));
    m_zoneGroupBox->setTitle(tr("Time zone"));
    m_typesGroupBox->setTitle(tr("Appointment types and durations"));
    for (const TypeRow &row : std::as_const(m_typeRows)) {
        row.offeredCheckBox->setText(row.type == "video"_L1   ? tr("Video call")
                                     : row.type == "phone"_L1 ? tr("Phone call")
                                                              : tr("On site"));
        row.durationSpinBox->setSuffix(tr(" min"));
    }
    m_rulesGroupBox->setTitle(tr("Booking rules"));
    m_bufferBeforeLabel->setText(tr("Free time before:"));
    m_bufferAfterLabel->setText(tr("Free time after:"));
    m_bufferBeforeSpinBox->setSuffix(tr(" min"));
    m_bufferAfterSpinBox->setSuffix(tr(" min"));
    m_noticeLabel->setText(tr("Book at least:"));
    m_noticeSpinBox->setSuffix(tr(" hours ahead"));
    m_horizonLabel->setText(tr("Book at most:"));
    m_horizonSpinBox->setSuffix(tr(" days ahead"));
    m_stepLabel->setText(tr("Start times every:"));
    for (int index = 0; index < m_stepComboBox->count(); ++index)
        m_stepComboBox->setItemText(index, tr("%1 minutes").arg(m_stepComboBox->itemData(index).toInt()));
    m_absencesGroupBox->setTitle(tr("Absences"));
    m_absenceLabelLineEdit->setPlaceholderText(tr("Note, e.g. holiday (optional)"));
    m_addAbsenceButton->setText(tr("Add"));
    m_removeAbsenceButton->setText(tr("Remove"));
    m_orgGroupBox->setTitle(tr("Organisation"));
    m_autoConfirmCheckBox->setText(tr("Confirm new bookings automatically"));
    m_autoConfirmHintLabel->setText(tr("Applies to everyone in your organisation. When it is off, each booking waits "
                                       "in Requests until someone confirms it."));
    m_statusLabel->clear(); // a word in the old language would linger
    m_saveButton->setText(tr("Save"));
    m_reloadButton->setText(tr("Undo changes"));
    fillAbsences();
    if (m_sideArea) {
        // The settings column never scrolls sideways: it is as wide as its widest row in this language.
        m_sideArea->setMinimumWidth(m_side->minimumSizeHint().width() +
                                    style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4);
    }
    if (m_loaded.locations.isEmpty())
        m_locationsLabel->setText(tr("No on-site locations yet. Your administrator adds them for the organisation."));
    else
        m_locationsLabel->setText(tr("Where you meet people on site:"));
}

void AvailabilityPage::load()
{
    clearErrors();
    m_statusLabel->setText(tr("Loading…"));
    QPointer<AvailabilityPage> self(this);
    m_service->load([self](const Client::AvailabilityService::Loaded &loaded, const Client::ApiError &error) {
        if (!self)
            return;
        if (error.isError()) {
            self->m_statusLabel->clear();
            self->m_errorLabel->setText(tr("Your availability could not be loaded. %1").arg(error.userMessage()));
            self->m_errorLabel->show();
            return;
        }
        self->show(loaded);
        self->m_statusLabel->clear();
    });
}

void AvailabilityPage::show(const Client::AvailabilityService::Loaded &loaded)
{
    m_loaded = loaded;
    const Settings &settings = loaded.availability;
    setEditable(true);
    const int stepIndex = m_stepComboBox->findData(settings.slotStepMinutes);
    if (stepIndex < 0)
        m_stepComboBox->addItem(tr("%1 minutes").arg(settings.slotStepMinutes), settings.slotStepMinutes);
    m_stepComboBox->setCurrentIndex(m_stepComboBox->findData(settings.slotStepMinutes));
    m_weekGrid->setStepMinutes(settings.slotStepMinutes);
    m_weekGrid->setRanges(settings.weekly);
    m_timeZoneComboBox->setCurrentText(settings.timeZone);
    for (const TypeRow &row : std::as_const(m_typeRows)) {
        const Settings::AppointmentType *offered = settings.typeOf(row.type);
        row.offeredCheckBox->setChecked(offered);
        row.durationSpinBox->setEnabled(offered);
        if (offered)
            row.durationSpinBox->setValue(offered->durationMinutes);
    }
    m_locationsListWidget->clear();
    const Settings::AppointmentType *onsite = settings.typeOf(u"onsite"_s);
    for (const auto &location : loaded.locations) {
        auto *item = new QListWidgetItem(
            location.address.isEmpty() ? location.name : tr("%1 (%2)").arg(location.name, location.address),
            m_locationsListWidget);
        item->setData(Qt::UserRole, location.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(onsite && onsite->locationIds.contains(location.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_locationsListWidget->setVisible(!loaded.locations.isEmpty());
    m_locationsListWidget->setEnabled(onsite);
    m_bufferBeforeSpinBox->setValue(settings.bufferBeforeMinutes);
    m_bufferAfterSpinBox->setValue(settings.bufferAfterMinutes);
    m_noticeSpinBox->setValue((settings.minimumNoticeMinutes + 59) / 60);
    m_horizonSpinBox->setValue(settings.horizonDays);
    m_absences = settings.absences;
    m_autoConfirmCheckBox->setChecked(loaded.org.autoConfirm);
    retranslate();
}

Settings AvailabilityPage::collect() const
{
    Settings settings = m_loaded.availability;
    settings.timeZone = m_timeZoneComboBox->currentText().trimmed();
    settings.weekly = m_weekGrid->ranges();
    settings.slotStepMinutes = m_weekGrid->stepMinutes();
    settings.types.clear();
    for (const TypeRow &row : m_typeRows) {
        if (!row.offeredCheckBox->isChecked())
            continue;
        Settings::AppointmentType type{row.type, row.durationSpinBox->value(), {}};
        if (row.type == "onsite"_L1) {
            for (int index = 0; index < m_locationsListWidget->count(); ++index) {
                const QListWidgetItem *item = m_locationsListWidget->item(index);
                if (item->checkState() == Qt::Checked)
                    type.locationIds.append(item->data(Qt::UserRole).toString());
            }
        }
        settings.types.append(type);
    }
    settings.bufferBeforeMinutes = m_bufferBeforeSpinBox->value();
    settings.bufferAfterMinutes = m_bufferAfterSpinBox->value();
    // Kept as it was unless the advisor changed the whole hours.
    if ((settings.minimumNoticeMinutes + 59) / 60 != m_noticeSpinBox->value())
        settings.minimumNoticeMinutes = m_noticeSpinBox->value() * 60;
    settings.horizonDays = m_horizonSpinBox->value();
    settings.absences = m_absences;
    return settings;
}

void AvailabilityPage::save()
{
    clearErrors();
    m_saveButton->setEnabled(false);
    m_statusLabel->setText(tr("Saving…"));
    QPointer<AvailabilityPage> self(this);
    m_service->save(collect(), [self](const Settings &saved, const Client::ApiError &error) {
        if (!self)
            return;
        self->m_saveButton->setEnabled(true);
        if (error.isError()) {
            self->m_statusLabel->clear();
            if (!error.fields.isEmpty())
                self->showFieldErrors(error.fields);
            else {
                self->m_errorLabel->setText(tr("Not saved. %1").arg(error.userMessage()));
                self->m_errorLabel->show();
            }
            return;
        }
        Client::AvailabilityService::Loaded loaded = self->m_loaded;
        loaded.availability = saved;
        self->show(loaded);
        self->m_statusLabel->setText(tr("Saved."));
    });
}

void AvailabilityPage::clearErrors()
{
    for (QLabel *label : m_fieldErrorLabels)
        label->hide();
    m_errorLabel->hide();
    m_weekGrid->setDayErrors({});
}

void AvailabilityPage::showFieldErrors(const QMap<QString, QString> &fields)
{
    QMap<QLabel *, QStringList> texts;
    QStringList unplaced;
    QList<int> days;
    static const QRegularExpression weeklyField(u"^weekly\\.(mon|tue|wed|thu|fri|sat|sun)"_s);
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        QLabel *target = nullptr;
        for (auto label = m_fieldErrorLabels.constBegin(); label != m_fieldErrorLabels.constEnd(); ++label) {
            if (it.key() == label.key() || it.key().startsWith(label.key() + u'.') ||
                it.key().startsWith(label.key() + u'['))
                target = label.value();
        }
        QString text = it.value();
        if (const auto match = weeklyField.match(it.key()); match.hasMatch()) {
            for (int day = 0; day < Settings::Days; ++day) {
                if (Settings::dayKey(day) == match.captured(1)) {
                    days.append(day);
                    text = tr("%1: %2").arg(QLocale().dayName(day + 1), it.value());
                }
            }
        }
        if (target)
            texts[target].append(text);
        else
            unplaced.append(tr("%1: %2").arg(it.key(), it.value()));
    }
    for (auto it = texts.constBegin(); it != texts.constEnd(); ++it) {
        it.key()->setText(it.value().join(u'\n'));
        it.key()->show();
    }
    m_weekGrid->setDayErrors(days);
    m_errorLabel->setText(unplaced.isEmpty() ? tr("Not saved. Please correct the marked fields.")
                                             : tr("Not saved. %1").arg(unplaced.join(u"; "_s)));
    m_errorLabel->show();
}

void AvailabilityPage::addAbsence()
{
    QDate first = m_absenceFromDateEdit->date();
    QDate last = m_absenceToDateEdit->date();
    if (last < first)
        std::swap(first, last);
    m_absences.append({first, last, m_absenceLabelLineEdit->text().trimmed()});
    std::sort(m_absences.begin(), m_absences.end(),
              [](const Settings::Absence &a, const Settings::Absence &b) { return a.firstDay < b.firstDay; });
    m_absenceLabelLineEdit->clear();
    fillAbsences();
}

void AvailabilityPage::fillAbsences()
{
    m_absencesListWidget->clear();
    const QLocale locale;
    for (const Settings::Absence &absence : std::as_const(m_absences)) {
        QString text = absence.firstDay == absence.lastDay
                           ? locale.toString(absence.firstDay, QLocale::ShortFormat)
                           : tr("%1 – %2").arg(locale.toString(absence.firstDay, QLocale::ShortFormat),
                                               locale.toString(absence.lastDay, QLocale::ShortFormat));
        if (!absence.label.isEmpty())
            text = tr("%1 · %2").arg(text, absence.label);
        new QListWidgetItem(text, m_absencesListWidget);
    }
    if (m_absences.isEmpty()) {
        auto *none = new QListWidgetItem(tr("No absences planned."), m_absencesListWidget);
        none->setFlags(Qt::NoItemFlags);
    }
}

} // namespace Lotse::Ui
