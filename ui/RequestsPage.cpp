#include "ui/RequestsPage.h"

#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "ui/DeclineDialog.h"
#include "ui/ProposeDialog.h"
#include "ui/RequestItemDelegate.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

using Client::RequestsModel;
constexpr int ProposeDays = 28;

QLabel *valueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // what a help-seeker typed is never markup
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QString languageName(const QString &code)
{
    const QLocale locale(code);
    if (code.isEmpty() || locale.language() == QLocale::C)
        return code;
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name;
}

} // namespace

RequestsPage::RequestsPage(Client::RequestsService *service, QWidget *parent)
    : SectionPage(u":/lotse/icons/requests.svg"_s, parent)
    , m_service(service)
    , m_refreshButton(new QPushButton(this))
    , m_refreshLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_requestsListView(new QListView(this))
    , m_emptyLabel(new QLabel(this))
    , m_detailsStackedWidget(new QStackedWidget(this))
    , m_noSelectionLabel(new QLabel(this))
    , m_detailsFrame(new QFrame(this))
    , m_typeIconLabel(new QLabel(this))
    , m_nameLabel(valueLabel(this, u"requestNameLabel"_s))
    , m_statusLabel(new QLabel(this))
    , m_timeLabel(valueLabel(this, u"requestTimeLabel"_s))
    , m_sealedLabel(new QLabel(this))
    , m_fieldsLayout(new QGridLayout)
    , m_phoneCaptionLabel(new QLabel(this))
    , m_phoneLabel(valueLabel(this, u"requestPhoneLabel"_s))
    , m_locationCaptionLabel(new QLabel(this))
    , m_locationLabel(valueLabel(this, u"requestLocationLabel"_s))
    , m_addressCaptionLabel(new QLabel(this))
    , m_addressLabel(valueLabel(this, u"requestAddressLabel"_s))
    , m_emailCaptionLabel(new QLabel(this))
    , m_emailLabel(valueLabel(this, u"requestEmailLabel"_s))
    , m_languageCaptionLabel(new QLabel(this))
    , m_languageLabel(valueLabel(this, u"requestLanguageLabel"_s))
    , m_messageCaptionLabel(new QLabel(this))
    , m_messageLabel(valueLabel(this, u"requestMessageLabel"_s))
    , m_confirmButton(new QPushButton(this))
    , m_proposeButton(new QPushButton(this))
    , m_declineButton(new QPushButton(this))
    , m_doneButton(new QPushButton(this))
    , m_actionErrorLabel(new QLabel(this))
{
    setObjectName(u"requestsPage"_s);
    letContentFill();
    m_refreshButton->setObjectName(u"refreshButton"_s);
    m_refreshLabel->setObjectName(u"refreshLabel"_s);
    m_refreshLabel->setProperty("tone", u"hint"_s);
    m_errorLabel->setObjectName(u"requestsErrorLabel"_s);
    m_errorLabel->setProperty("tone", u"error"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    m_requestsListView->setObjectName(u"requestsListView"_s);
    m_requestsListView->setModel(service->model());
    m_requestsListView->setItemDelegate(new RequestItemDelegate(m_requestsListView));
    m_requestsListView->setFrameShape(QFrame::NoFrame);
    m_requestsListView->setMouseTracking(true);
    m_requestsListView->setUniformItemSizes(true);
    m_requestsListView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_requestsListView->setMinimumWidth(300);
    m_requestsListView->setStyleSheet(u"QListView { background: transparent; }"_s);
    m_emptyLabel->setObjectName(u"requestsEmptyLabel"_s);
    m_emptyLabel->setProperty("tone", u"hint"_s);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_noSelectionLabel->setObjectName(u"noSelectionLabel"_s);
    m_noSelectionLabel->setProperty("tone", u"hint"_s);
    m_noSelectionLabel->setAlignment(Qt::AlignCenter);
    m_noSelectionLabel->setWordWrap(true);
    m_detailsFrame->setObjectName(u"requestDetailsFrame"_s);
    m_nameLabel->setStyleSheet(u"font-size: 18px; font-weight: 600;"_s);
    m_statusLabel->setObjectName(u"requestStatusLabel"_s);
    m_statusLabel->setProperty("tone", u"hint"_s);
    m_timeLabel->setStyleSheet(u"font-size: 15px; font-weight: 600; color: #24555A;"_s);
    m_sealedLabel->setObjectName(u"requestSealedLabel"_s);
    m_sealedLabel->setProperty("tone", u"notice"_s);
    m_sealedLabel->setWordWrap(true);
    m_confirmButton->setObjectName(u"confirmButton"_s);
    m_confirmButton->setProperty("primary", true);
    m_proposeButton->setObjectName(u"proposeButton"_s);
    m_declineButton->setObjectName(u"declineButton"_s);
    m_doneButton->setObjectName(u"doneButton"_s);
    m_doneButton->setProperty("primary", true);
    m_actionErrorLabel->setObjectName(u"requestActionErrorLabel"_s);
    m_actionErrorLabel->setProperty("tone", u"error"_s);
    m_actionErrorLabel->setWordWrap(true);
    m_actionErrorLabel->hide();
    m_messageLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    // Toolbar: refresh and when the list was last fetched.
    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_refreshButton);
    toolbar->addWidget(m_refreshLabel, 1);

    // Left: the list, or a calm word when it is empty.
    auto *listStack = new QStackedWidget(this);
    listStack->setObjectName(u"requestsListStackedWidget"_s);
    listStack->addWidget(m_requestsListView);
    listStack->addWidget(m_emptyLabel);

    // Right: the details card.
    auto *heading = new QHBoxLayout;
    heading->setSpacing(12);
    m_typeIconLabel->setFixedSize(32, 32);
    heading->addWidget(m_typeIconLabel, 0, Qt::AlignTop);
    auto *headingText = new QVBoxLayout;
    headingText->setSpacing(2);
    headingText->addWidget(m_nameLabel);
    headingText->addWidget(m_statusLabel);
    heading->addLayout(headingText, 1);

    m_fieldsLayout->setHorizontalSpacing(16);
    m_fieldsLayout->setVerticalSpacing(10);
    m_fieldsLayout->setColumnStretch(1, 1);
    int fieldRow = 0;
    for (const auto &[caption, value] : {std::pair{m_phoneCaptionLabel, m_phoneLabel},
                                         {m_locationCaptionLabel, m_locationLabel},
                                         {m_addressCaptionLabel, m_addressLabel},
                                         {m_emailCaptionLabel, m_emailLabel},
                                         {m_languageCaptionLabel, m_languageLabel},
                                         {m_messageCaptionLabel, m_messageLabel}}) {
        m_fieldsLayout->addWidget(caption, fieldRow, 0, Qt::AlignLeft | Qt::AlignTop);
        m_fieldsLayout->addWidget(value, fieldRow, 1, Qt::AlignTop);
        ++fieldRow;
    }

    auto *actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_confirmButton);
    actions->addWidget(m_doneButton);
    actions->addWidget(m_proposeButton);
    actions->addWidget(m_declineButton);
    actions->addStretch(1);

    auto *detailsLayout = new QVBoxLayout(m_detailsFrame);
    detailsLayout->setContentsMargins(24, 20, 24, 20);
    detailsLayout->setSpacing(14);
    detailsLayout->addLayout(heading);
    detailsLayout->addWidget(m_timeLabel);
    detailsLayout->addWidget(m_sealedLabel);
    detailsLayout->addLayout(m_fieldsLayout);
    detailsLayout->addStretch(1);
    detailsLayout->addWidget(m_actionErrorLabel);
    detailsLayout->addLayout(actions);

    m_detailsStackedWidget->addWidget(m_noSelectionLabel);
    m_detailsStackedWidget->addWidget(m_detailsFrame);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(u"requestsSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(listStack);
    splitter->addWidget(m_detailsStackedWidget);
    // The details get the larger share: their answer buttons are long words in German.
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({340, 566});

    contentLayout()->addLayout(toolbar);
    contentLayout()->addWidget(m_errorLabel);
    contentLayout()->addWidget(splitter, 1);

    RequestsModel *model = service->model();
    const auto updateList = [this, listStack, model] {
        listStack->setCurrentIndex(model->rowCount() > 0 ? 0 : 1);
        setBadgeCount(model->openCount());
        showDetails();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, updateList);
    connect(model, &QAbstractItemModel::rowsRemoved, this, updateList);
    connect(model, &QAbstractItemModel::modelReset, this, updateList);
    connect(model, &QAbstractItemModel::dataChanged, this, &RequestsPage::showDetails);
    connect(model, &RequestsModel::openCountChanged, this, &RequestsPage::setBadgeCount);
    connect(m_requestsListView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RequestsPage::showDetails);
    connect(m_refreshButton, &QPushButton::clicked, service, &Client::RequestsService::refresh);
    connect(service, &Client::RequestsService::loadingChanged, this, [this](bool loading) {
        m_refreshButton->setEnabled(!loading);
        updateRefreshLabel();
    });
    connect(service, &Client::RequestsService::refreshed, this, [this] {
        m_errorLabel->hide();
        updateRefreshLabel();
    });
    connect(service, &Client::RequestsService::refreshFailed, this, [this](const QString &message) {
        m_errorLabel->setText(message);
        m_errorLabel->show();
    });
    connect(m_confirmButton, &QPushButton::clicked, this, &RequestsPage::confirm);
    connect(m_declineButton, &QPushButton::clicked, this, &RequestsPage::decline);
    connect(m_proposeButton, &QPushButton::clicked, this, &RequestsPage::propose);
    connect(m_doneButton, &QPushButton::clicked, this, &RequestsPage::markDone);

    retranslate();
    refreshTitle();
    updateList();
}

QString RequestsPage::title() const
{
    return tr("Requests");
}

void RequestsPage::showRequest(const QString &id)
{
    const int row = m_service->model()->rowOf(id);
    if (row >= 0)
        m_requestsListView->setCurrentIndex(m_service->model()->index(row));
}

void RequestsPage::retranslate()
{
    m_refreshButton->setText(tr("Refresh"));
    m_emptyLabel->setText(tr("No requests yet. New bookings and messages appear here by themselves."));
    m_noSelectionLabel->setText(tr("Choose a request on the left to see its details."));
    m_phoneCaptionLabel->setText(tr("Phone:"));
    m_locationCaptionLabel->setText(tr("Where:"));
    m_addressCaptionLabel->setText(tr("Address:"));
    m_emailCaptionLabel->setText(tr("E-mail:"));
    m_languageCaptionLabel->setText(tr("Language:"));
    m_messageCaptionLabel->setText(tr("Message:"));
    m_confirmButton->setText(tr("Confirm"));
    m_proposeButton->setText(tr("Propose another time…"));
    m_declineButton->setText(tr("Decline…"));
    m_doneButton->setText(tr("Mark as done"));
    updateRefreshLabel();
    showDetails();
    m_requestsListView->viewport()->update(); // statuses and times are words of the new language too
}

void RequestsPage::updateRefreshLabel()
{
    if (m_service->isLoading()) {
        m_refreshLabel->setText(tr("Updating…"));
        return;
    }
    const QDateTime last = m_service->lastRefresh();
    m_refreshLabel->setText(
        last.isValid() ? tr("Updated at %1").arg(QLocale().toString(last.toLocalTime().time(), QLocale::ShortFormat))
                       : QString());
}

QString RequestsPage::currentId() const
{
    return m_requestsListView->currentIndex().data(RequestsModel::IdRole).toString();
}

void RequestsPage::showDetails()
{
    // Caption and value hide together; the grid closes the gap.
    const auto showRow = [](QLabel *caption, QLabel *value, bool visible) {
        caption->setVisible(visible);
        value->setVisible(visible);
    };
    const QModelIndex index = m_requestsListView->currentIndex();
    if (!index.isValid()) {
        m_detailsStackedWidget->setCurrentWidget(m_noSelectionLabel);
        return;
    }
    m_detailsStackedWidget->setCurrentWidget(m_detailsFrame);
    const auto fields = Client::BookingRequest::Fields(index.data(RequestsModel::FieldsRole).toInt());
    const bool opened = fields == Client::BookingRequest::Fields::Opened;
    const bool booking = index.data(RequestsModel::KindRole).toInt() == int(Client::BookingRequest::Kind::Booking);
    const QString type = index.data(RequestsModel::TypeRole).toString();
    const QString status = index.data(RequestsModel::StatusRole).toString();

    m_typeIconLabel->setPixmap(QIcon(RequestItemDelegate::iconPath(index)).pixmap(32, 32));
    const QString name = index.data(RequestsModel::NameRole).toString();
    m_nameLabel->setText(opened ? (name.isEmpty() ? tr("(no name given)") : name)
                                : index.data(Qt::DisplayRole).toString());
    QString kindText = tr("Contact message");
    if (booking) {
        kindText = type == "phone"_L1    ? tr("Phone appointment")
                   : type == "onsite"_L1 ? tr("Appointment on site")
                                         : tr("Video appointment");
    }
    m_statusLabel->setText(tr("%1 · %2").arg(kindText, index.data(RequestsModel::StatusTextRole).toString()));
    m_timeLabel->setText(index.data(RequestsModel::TimeTextRole).toString());

    m_sealedLabel->setVisible(!opened);
    if (fields == Client::BookingRequest::Fields::NotForThisDevice)
        m_sealedLabel->setText(tr("The name and message were encrypted for other devices of your organisation, not "
                                  "for this one (for example, before this device was registered). Open the request "
                                  "on one of those devices."));
    else
        m_sealedLabel->setText(tr("The name and message could not be decrypted: the data is damaged or was changed "
                                  "on the way. You can still answer by e-mail."));

    const QString phone = index.data(RequestsModel::PhoneRole).toString();
    const QString address = index.data(RequestsModel::AddressRole).toString();
    const QString message = index.data(RequestsModel::MessageRole).toString();
    showRow(m_phoneCaptionLabel, m_phoneLabel, opened && !phone.isEmpty());
    showRow(m_addressCaptionLabel, m_addressLabel, opened && !address.isEmpty());
    showRow(m_messageCaptionLabel, m_messageLabel, opened && !message.isEmpty());
    m_phoneLabel->setText(phone);
    m_addressLabel->setText(address);
    m_messageLabel->setText(message);
    const QString locationId = index.data(RequestsModel::LocationIdRole).toString();
    const QString location = m_service->locationText(locationId);
    m_locationLabel->setText(location.isEmpty() ? locationId : location);
    showRow(m_locationCaptionLabel, m_locationLabel, booking && !locationId.isEmpty());
    m_emailLabel->setText(index.data(RequestsModel::EmailRole).toString());
    showRow(m_emailCaptionLabel, m_emailLabel, !m_emailLabel->text().isEmpty());
    m_languageLabel->setText(languageName(index.data(RequestsModel::LanguageRole).toString()));

    const bool pending = status == "pending"_L1;
    m_confirmButton->setVisible(booking && (pending || status == "proposed"_L1));
    m_proposeButton->setVisible(booking && (pending || status == "proposed"_L1));
    m_declineButton->setVisible(booking && (pending || status == "proposed"_L1));
    m_doneButton->setVisible(!booking && index.data(RequestsModel::IsOpenRole).toBool());
    for (QPushButton *button : {m_confirmButton, m_proposeButton, m_declineButton, m_doneButton})
        button->setEnabled(!m_busy);
}

void RequestsPage::setBusy(bool busy)
{
    m_busy = busy;
    for (QPushButton *button : {m_confirmButton, m_proposeButton, m_declineButton, m_doneButton})
        button->setEnabled(!busy);
    if (busy)
        m_actionErrorLabel->hide();
}

void RequestsPage::finishAction(const QString &error)
{
    setBusy(false);
    m_actionErrorLabel->setText(error);
    m_actionErrorLabel->setVisible(!error.isEmpty());
}

void RequestsPage::confirm()
{
    const QString id = currentId();
    if (id.isEmpty() || m_busy)
        return;
    setBusy(true);
    QPointer<RequestsPage> self(this);
    m_service->confirm(id, [self](const Client::ApiError &error) {
        if (self)
            self->finishAction(error.userMessage());
    });
}

void RequestsPage::decline()
{
    const QString id = currentId();
    if (id.isEmpty() || m_busy)
        return;
    auto *dialog = new DeclineDialog(m_requestsListView->currentIndex().data(RequestsModel::NameRole).toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        setBusy(true);
        QPointer<RequestsPage> self(this);
        m_service->decline(id, dialog->reason(), [self](const Client::ApiError &error) {
            if (self)
                self->finishAction(error.userMessage());
        });
    });
    dialog->open();
}

void RequestsPage::propose()
{
    const QString id = currentId();
    if (id.isEmpty() || m_busy)
        return;
    auto *dialog = new ProposeDialog(m_service->model()->advisorTimeZone(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ProposeDialog> guard(dialog);
    m_service->freeSlotsFor(
        id, ProposeDays, [guard](const QList<Client::RequestsService::Slot> &freeSlots, const Client::ApiError &error) {
            if (!guard)
                return;
            if (error.isError())
                return guard->showError(error.userMessage());
            QList<ProposeDialog::Slot> choices;
            for (const auto &slot : freeSlots)
                choices.append({slot.start, slot.end});
            guard->setSlots(choices);
        });
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        const QDateTime start = dialog->chosenStart();
        if (!start.isValid())
            return;
        setBusy(true);
        QPointer<RequestsPage> self(this);
        m_service->propose(id, start, [self](const Client::ApiError &error) {
            if (self)
                self->finishAction(error.userMessage());
        });
    });
    dialog->open();
}

void RequestsPage::markDone()
{
    const QString id = currentId();
    if (id.isEmpty() || m_busy)
        return;
    setBusy(true);
    QPointer<RequestsPage> self(this);
    m_service->markDone(id, [self](const Client::ApiError &error) {
        if (self)
            self->finishAction(error.userMessage());
    });
}

} // namespace Lotse::Ui
