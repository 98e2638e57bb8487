#pragma once

#include "ui/SectionPage.h"

class QLabel;

namespace Lotse::Client {
class Session;
}

namespace Lotse::Ui {

// The start page after signing in: who is signed in, for which organisation, on which server.
class OverviewPage : public SectionPage
{
    Q_OBJECT

public:
    explicit OverviewPage(Client::Session *session, QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;

protected:
    void retranslate() override;

private:
    Client::Session *m_session;
    QLabel *m_welcomeLabel;
    QLabel *m_organisationLabel;
    QLabel *m_deviceLabel;
    QLabel *m_hintLabel;
};

} // namespace Lotse::Ui
