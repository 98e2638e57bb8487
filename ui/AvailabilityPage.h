#pragma once

#include "app/AvailabilityService.h"
#include "ui/SectionPage.h"

#include <QMap>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace Lotse::Client {
class Session;
} // namespace Lotse::Client

namespace Lotse::Ui {

class WeekGridWidget;

// When help-seekers can book: the weekly hours as a grid, the time zone, the appointment types
// with their durations, buffers, notice and horizon, absences, and the organisation's
// auto-confirm switch. The server checks everything; its objections appear next to the field.
class AvailabilityPage : public SectionPage
{
    Q_OBJECT

public:
    AvailabilityPage(Client::Session *session, Client::AvailabilityService *service, QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;

protected:
    void retranslate() override;

private:
    struct TypeRow
    {
        QString type;
        QCheckBox *offeredCheckBox;
        QSpinBox *durationSpinBox;
    };

    void load();
    void setEditable(bool editable);
    void show(const Client::AvailabilityService::Loaded &loaded);
    void save();
    void showFieldErrors(const QMap<QString, QString> &fields);
    void clearErrors();
    void addAbsence();
    void fillAbsences();
    [[nodiscard]] Client::AvailabilitySettings collect() const;
    [[nodiscard]] QLabel *errorLabel(const QString &objectName);

    Client::Session *m_session;
    Client::AvailabilityService *m_service;
    Client::AvailabilityService::Loaded m_loaded;
    QList<Client::AvailabilitySettings::Absence> m_absences;

    QGroupBox *m_hoursGroupBox;
    QLabel *m_gridHintLabel;
    WeekGridWidget *m_weekGrid;
    QLabel *m_weeklyErrorLabel;
    QGroupBox *m_zoneGroupBox;
    QComboBox *m_timeZoneComboBox;
    QLabel *m_timeZoneErrorLabel;
    QGroupBox *m_typesGroupBox;
    QList<TypeRow> m_typeRows;
    QLabel *m_locationsLabel;
    QListWidget *m_locationsListWidget;
    QLabel *m_typesErrorLabel;
    QGroupBox *m_rulesGroupBox;
    QLabel *m_bufferBeforeLabel;
    QSpinBox *m_bufferBeforeSpinBox;
    QLabel *m_bufferAfterLabel;
    QSpinBox *m_bufferAfterSpinBox;
    QLabel *m_noticeLabel;
    QSpinBox *m_noticeSpinBox;
    QLabel *m_horizonLabel;
    QSpinBox *m_horizonSpinBox;
    QLabel *m_stepLabel;
    QComboBox *m_stepComboBox;
    QLabel *m_rulesErrorLabel;
    QGroupBox *m_absencesGroupBox;
    QListWidget *m_absencesListWidget;
    QDateEdit *m_absenceFromDateEdit;
    QDateEdit *m_absenceToDateEdit;
    QLineEdit *m_absenceLabelLineEdit;
    QPushButton *m_addAbsenceButton;
    QPushButton *m_removeAbsenceButton;
    QLabel *m_absencesErrorLabel;
    QGroupBox *m_orgGroupBox;
    QCheckBox *m_autoConfirmCheckBox;
    QLabel *m_autoConfirmHintLabel;
    QPushButton *m_saveButton;
    QPushButton *m_reloadButton;
    QLabel *m_statusLabel;
    QLabel *m_errorLabel;
    QWidget *m_side = nullptr;
    QScrollArea *m_sideArea = nullptr;
    QMap<QString, QLabel *> m_fieldErrorLabels; // field path prefix -> the label beside that field
};

} // namespace Lotse::Ui
