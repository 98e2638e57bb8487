#pragma once

#include "ui/SectionPage.h"

#include <QPersistentModelIndex>

class QGridLayout;
class QFrame;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace Lotse::Client {
class RequestsService;
} // namespace Lotse::Client

namespace Lotse::Ui {

// New bookings and contact messages of the organisation, opened on this device: a list on the
// left, the selected request's details and the advisor's answers on the right.
class RequestsPage : public SectionPage
{
    Q_OBJECT

public:
    explicit RequestsPage(Client::RequestsService *service, QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    // Selects the request with this id (the calendar opens appointments here).
    void showRequest(const QString &id);

protected:
    void retranslate() override;

private:
    void showDetails();
    void confirm();
    void decline();
    void propose();
    void markDone();
    void finishAction(const QString &error);
    void setBusy(bool busy);
    void updateRefreshLabel();
    [[nodiscard]] QString currentId() const;

    Client::RequestsService *m_service;
    QPushButton *m_refreshButton;
    QLabel *m_refreshLabel;
    QLabel *m_errorLabel;
    QListView *m_requestsListView;
    QLabel *m_emptyLabel;
    QStackedWidget *m_detailsStackedWidget;
    QLabel *m_noSelectionLabel;
    QFrame *m_detailsFrame;
    QLabel *m_typeIconLabel;
    QLabel *m_nameLabel;
    QLabel *m_statusLabel;
    QLabel *m_timeLabel;
    QLabel *m_sealedLabel;
    QGridLayout *m_fieldsLayout;
    QLabel *m_phoneCaptionLabel;
    QLabel *m_phoneLabel;
    QLabel *m_locationCaptionLabel;
    QLabel *m_locationLabel;
    QLabel *m_addressCaptionLabel;
    QLabel *m_addressLabel;
    QLabel *m_emailCaptionLabel;
    QLabel *m_emailLabel;
    QLabel *m_languageCaptionLabel;
    QLabel *m_languageLabel;
    QLabel *m_messageCaptionLabel;
    QLabel *m_messageLabel;
    QPushButton *m_confirmButton;
    QPushButton *m_proposeButton;
    QPushButton *m_declineButton;
    QPushButton *m_doneButton;
    QLabel *m_actionErrorLabel;
    bool m_busy = false;
};

} // namespace Lotse::Ui
