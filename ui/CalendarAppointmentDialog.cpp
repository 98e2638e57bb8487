#include "ui/CalendarAppointmentDialog.h"

#include "app/RequestsModel.h"
#include "app/RequestsService.h"

#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

constexpr int MaxCancelReasonLength = 1000;

QLabel *valueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel *captionLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

CalendarAppointmentDialog::CalendarAppointmentDialog(Client::RequestsService *service, const QString &bookingId,
                                                     QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_bookingId(bookingId)
    , m_nameLabel(valueLabel(this, u"detailsNameLabel"_s))
    , m_kindLabel(valueLabel(this, u"detailsKindLabel"_s))
    , m_timeLabel(valueLabel(this, u"detailsTimeLabel"_s))
    , m_statusLabel(valueLabel(this, u"detailsStatusLabel"_s))
    , m_proposalLabel(valueLabel(this, u"detailsProposalLabel"_s))
    , m_emailLabel(valueLabel(this, u"detailsEmailLabel"_s))
    , m_languageLabel(valueLabel(this, u"detailsLanguageLabel"_s))
    , m_typeCaptionLabel(captionLabel(this))
    , m_typeLabel(valueLabel(this, u"detailsTypeLabel"_s))
    , m_addressCaptionLabel(captionLabel(this))
    , m_addressLabel(valueLabel(this, u"detailsAddressLabel"_s))
    , m_messageCaptionLabel(captionLabel(this))
    , m_messageLabel(valueLabel(this, u"detailsMessageLabel"_s))
    , m_sealedLabel(valueLabel(this, u"detailsSealedLabel"_s))
    , m_noteTextEdit(new QPlainTextEdit(this))
    , m_noteStatusLabel(valueLabel(this, u"noteStatusLabel"_s))
    , m_saveNoteButton(new QPushButton(this))
    , m_rescheduleButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
    , m_confirmButton(new QPushButton(this))
    , m_declineButton(new QPushButton(this))
    , m_conversationButton(new QPushButton(this))
    , m_closeButton(new QPushButton(this))
{
    setObjectName(u"appointmentDialog"_s);
    setWindowTitle(tr("Appointment"));
    QFont nameFont = m_nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.3);
    nameFont.setBold(true);
    m_nameLabel->setFont(nameFont);
    m_kindLabel->setForegroundRole(QPalette::PlaceholderText);
    QFont timeFont = m_timeLabel->font();
    timeFont.setBold(true);
    m_timeLabel->setFont(timeFont);
    m_proposalLabel->setProperty("tone", u"hint"_s);
    m_sealedLabel->setProperty("tone", u"hint"_s);
    m_noteTextEdit->setObjectName(u"noteTextEdit"_s);
    m_noteTextEdit->setTabChangesFocus(true);
    m_noteTextEdit->setPlaceholderText(tr("Only you and your colleagues can read this note."));
    m_noteTextEdit->setMinimumHeight(90);
    m_noteStatusLabel->setForegroundRole(QPalette::PlaceholderText);
    m_saveNoteButton->setObjectName(u"saveNoteButton"_s);
    m_saveNoteButton->setText(tr("Save note"));
    m_saveNoteButton->setEnabled(false);
    m_rescheduleButton->setObjectName(u"rescheduleButton"_s);
    m_rescheduleButton->setText(tr("Reschedule…"));
    m_cancelButton->setObjectName(u"cancelAppointmentButton"_s);
    m_cancelButton->setText(tr("Cancel appointment…"));
    m_confirmButton->setObjectName(u"detailsConfirmButton"_s);
    m_confirmButton->setText(tr("Confirm"));
    m_confirmButton->setProperty("primary", true);
    m_declineButton->setObjectName(u"detailsDeclineButton"_s);
    m_declineButton->setText(tr("Decline…"));
    m_conversationButton->setObjectName(u"openConversationButton"_s);
    m_conversationButton->setText(tr("Open conversation"));
    m_conversationButton->setVisible(false);
    m_closeButton->setObjectName(u"detailsCloseButton"_s);
    m_closeButton->setText(tr("Close"));

    auto *emailCaption = captionLabel(this);
    emailCaption->setText(tr("E-mail:"));
    auto *languageCaption = captionLabel(this);
    languageCaption->setText(tr("Language:"));
    m_addressCaptionLabel->setText(tr("Address:"));
    m_messageCaptionLabel->setText(tr("Message:"));
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(6);
    grid->setColumnStretch(1, 1);
    int row = 0;
    for (const auto &[caption, value] : {std::pair<QLabel *, QLabel *>{m_typeCaptionLabel, m_typeLabel},
                                         {emailCaption, m_emailLabel},
                                         {languageCaption, m_languageLabel},
                                         {m_addressCaptionLabel, m_addressLabel},
                                         {m_messageCaptionLabel, m_messageLabel}}) {
        grid->addWidget(caption, row, 0);
        grid->addWidget(value, row, 1);
        ++row;
    }

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::HLine);
    separator->setForegroundRole(QPalette::Midlight);
    auto *noteCaption = new QLabel(tr("Private note"), this);
    QFont noteFont = noteCaption->font();
    noteFont.setBold(true);
    noteCaption->setFont(noteFont);
    auto *noteHint =
        new QLabel(tr("Encrypted on this device for the advisors of your organisation. The help-seeker never sees "
                      "it, and the server cannot read it."),
                   this);
    noteHint->setWordWrap(true);
    noteHint->setForegroundRole(QPalette::PlaceholderText);
    auto *noteRow = new QHBoxLayout;
    noteRow->addWidget(m_noteStatusLabel, 1);
    noteRow->addWidget(m_saveNoteButton);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_confirmButton);
    actions->addWidget(m_declineButton);
    actions->addWidget(m_rescheduleButton);
    actions->addWidget(m_cancelButton);
    actions->addWidget(m_conversationButton);
    actions->addStretch(1);
    actions->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(22, 18, 22, 16);
    layout->setSpacing(8);
    layout->addWidget(m_nameLabel);
    layout->addWidget(m_kindLabel);
    layout->addWidget(m_timeLabel);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_proposalLabel);
    layout->addWidget(m_sealedLabel);
    layout->addSpacing(4);
    layout->addLayout(grid);
    layout->addSpacing(4);
    layout->addWidget(separator);
    layout->addWidget(noteCaption);
    layout->addWidget(noteHint);
    layout->addWidget(m_noteTextEdit, 1);
    layout->addLayout(noteRow);
    layout->addSpacing(6);
    layout->addLayout(actions);
    resize(560, 600);

    connect(m_noteTextEdit, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_noteTextEdit->toPlainText();
        const bool tooLong = text.size() > Client::RequestsService::MaxNoteLength;
        m_saveNoteButton->setEnabled(!m_savingNote && !tooLong && text != m_savedNote);
        if (tooLong)
            setNoteStatus(
                tr("The note is too long (at most %1 characters).").arg(Client::RequestsService::MaxNoteLength), true);
    });
    connect(m_saveNoteButton, &QPushButton::clicked, this, &CalendarAppointmentDialog::saveNote);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    // The actions close the details; the calendar page carries them out and offers the undo.
    connect(m_rescheduleButton, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT rescheduleClicked(m_bookingId);
    });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT cancelClicked(m_bookingId);
    });
    connect(m_confirmButton, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT confirmClicked(m_bookingId);
    });
    connect(m_declineButton, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT declineClicked(m_bookingId);
    });
    connect(m_conversationButton, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT conversationClicked(m_bookingId);
    });
    Client::RequestsModel *model = service->model();
    connect(model, &QAbstractItemModel::modelReset, this, &CalendarAppointmentDialog::refresh);
    connect(model, &QAbstractItemModel::layoutChanged, this, &CalendarAppointmentDialog::refresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &CalendarAppointmentDialog::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &CalendarAppointmentDialog::refresh);
    connect(model, &QAbstractItemModel::dataChanged, this, &CalendarAppointmentDialog::refresh);
    refresh();
}

QString CalendarAppointmentDialog::noteText() const
{
    return m_noteTextEdit->toPlainText();
}

void CalendarAppointmentDialog::setConversationAvailable(bool available)
{
    m_conversationAvailable = available;
    refresh();
}

void CalendarAppointmentDialog::refresh()
{
    const Client::BookingRequest *request = m_service->model()->request(m_bookingId);
    if (!request) {
        m_nameLabel->setText(tr("This appointment no longer exists."));
        for (QPushButton *button :
             {m_rescheduleButton, m_cancelButton, m_confirmButton, m_declineButton, m_conversationButton})
            button->setVisible(false);
        return;
    }
    const bool opened = request->fields == Client::BookingRequest::Fields::Opened;
    const QString name = request->fullName();
    m_nameLabel->setText(opened ? (name.isEmpty() ? tr("(no name given)") : name) : tr("Encrypted request"));
    const QString type = request->type;
    m_kindLabel->setText(type == u"phone"    ? tr("Phone appointment")
                         : type == u"onsite" ? tr("Appointment on site")
                                             : tr("Video appointment"));
    m_timeLabel->setText(m_service->model()->timeText(*request));
    m_statusLabel->setText(Client::RequestsModel::statusText(*request));
    if (request->proposalStart.isValid()) {
        const QLocale locale;
        const QDateTime start = request->proposalStart.toTimeZone(m_service->model()->advisorTimeZone());
        const QDateTime end = request->proposalEnd.toTimeZone(m_service->model()->advisorTimeZone());
        //: %1 date, %2 start time, %3 end time of the time the advisor proposed
        m_proposalLabel->setText(tr("You proposed %1, %2–%3 instead; waiting for their answer.")
                                     .arg(locale.toString(start.date(), QLocale::ShortFormat),
                                          locale.toString(start.time(), QLocale::ShortFormat),
                                          locale.toString(end.time(), QLocale::ShortFormat)));
    }
    m_proposalLabel->setVisible(request->proposalStart.isValid());
    m_sealedLabel->setVisible(!opened);
    if (request->fields == Client::BookingRequest::Fields::NotForThisDevice)
        m_sealedLabel->setText(tr("The personal details were encrypted for other devices of your organisation, not "
                                  "for this one."));
    else if (!opened)
        m_sealedLabel->setText(tr("The personal details could not be decrypted: the data is damaged or was changed."));

    m_emailLabel->setText(request->email);
    const QLocale language(request->language);
    m_languageLabel->setText(request->language.isEmpty() || language.language() == QLocale::C
                                 ? request->language
                                 : u"%1 (%2)"_s.arg(language.nativeLanguageName(), request->language));
    if (type == u"phone") {
        m_typeCaptionLabel->setText(tr("Phone:"));
        m_typeLabel->setText(request->phone.isEmpty() ? tr("(no number given)") : request->phone);
    } else if (type == u"onsite") {
        m_typeCaptionLabel->setText(tr("Where:"));
        const QString where = m_service->locationText(request->locationId);
        m_typeLabel->setText(where.isEmpty() ? tr("(location unknown)") : where);
    } else {
        m_typeCaptionLabel->setText(tr("Video:"));
        m_typeLabel->setText(tr("A video call in Lotse; the help-seeker joins from the link in their e-mail."));
    }
    m_addressCaptionLabel->setVisible(!request->address.isEmpty());
    m_addressLabel->setVisible(!request->address.isEmpty());
    m_addressLabel->setText(request->address);
    m_messageCaptionLabel->setVisible(!request->message.isEmpty());
    m_messageLabel->setVisible(!request->message.isEmpty());
    m_messageLabel->setText(request->message);

    const QString &status = request->status;
    const bool active = status == u"pending" || status == u"confirmed";
    m_rescheduleButton->setVisible(active);
    m_cancelButton->setVisible(active || status == u"proposed");
    m_confirmButton->setVisible(status == u"pending");
    m_declineButton->setVisible(status == u"pending");
    m_conversationButton->setVisible(m_conversationAvailable);

    // A note that changed elsewhere replaces the editor's text unless the advisor is editing it.
    const QString note = m_service->noteText(m_bookingId);
    if (!request->note.isEmpty() && note.isEmpty())
        setNoteStatus(tr("The note was encrypted for other devices and cannot be shown here."), true);
    if (m_noteTextEdit->toPlainText() == m_savedNote && note != m_savedNote) {
        m_savedNote = note;
        m_noteTextEdit->setPlainText(note);
    }
    m_savedNote = note;
    m_saveNoteButton->setEnabled(!m_savingNote && m_noteTextEdit->toPlainText() != m_savedNote);
}

void CalendarAppointmentDialog::saveNote()
{
    if (m_savingNote)
        return;
    m_savingNote = true;
    m_saveNoteButton->setEnabled(false);
    setNoteStatus(tr("Saving…"), false);
    QPointer<CalendarAppointmentDialog> self(this);
    m_service->setNote(m_bookingId, m_noteTextEdit->toPlainText(), [self](const Client::ApiError &error) {
        if (!self)
            return;
        self->m_savingNote = false;
        if (!error.isError()) {
            self->setNoteStatus(tr("Saved."), false);
            return;
        }
        self->m_saveNoteButton->setEnabled(true);
        if (error.code == u"device_not_registered")
            self->setNoteStatus(tr("Not saved: this device is not registered with your organisation."), true);
        else if (error.code == u"note_too_long")
            self->setNoteStatus(tr("Not saved: the note is too long (at most %1 characters).")
                                    .arg(Client::RequestsService::MaxNoteLength),
                                true);
        else if (error.code == u"seal_failed")
            self->setNoteStatus(tr("Not saved: the note could not be encrypted."), true);
        else
            self->setNoteStatus(tr("Not saved: %1").arg(error.userMessage()), true);
    });
}

void CalendarAppointmentDialog::setNoteStatus(const QString &text, bool error)
{
    m_noteStatusLabel->setText(text);
    m_noteStatusLabel->setProperty("tone", error ? u"error"_s : QString());
    m_noteStatusLabel->setForegroundRole(error ? QPalette::Text : QPalette::PlaceholderText);
    m_noteStatusLabel->style()->unpolish(m_noteStatusLabel);
    m_noteStatusLabel->style()->polish(m_noteStatusLabel);
}

CalendarCancelDialog::CalendarCancelDialog(const QString &who, QWidget *parent)
    : QDialog(parent)
    , m_reasonTextEdit(new QPlainTextEdit(this))
{
    setObjectName(u"cancelAppointmentDialog"_s);
    setWindowTitle(tr("Cancel the appointment"));
    auto *introLabel =
        new QLabel(who.isEmpty() ? tr("The help-seeker gets an e-mail that the appointment is cancelled. You can add "
                                      "a reason (optional).")
                                 : tr("%1 gets an e-mail that the appointment is cancelled. You can add a reason "
                                      "(optional).")
                                       .arg(who),
                   this);
    introLabel->setWordWrap(true);
    m_reasonTextEdit->setObjectName(u"cancelReasonTextEdit"_s);
    m_reasonTextEdit->setPlaceholderText(tr("For example: I am ill. Please book a new appointment."));
    m_reasonTextEdit->setTabChangesFocus(true);
    auto *cancelButton = new QPushButton(tr("Cancel appointment"), this);
    cancelButton->setObjectName(u"cancelConfirmButton"_s);
    cancelButton->setProperty("primary", true);
    auto *keepButton = new QPushButton(tr("Keep it"), this);
    keepButton->setObjectName(u"cancelKeepButton"_s);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(cancelButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(keepButton, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(introLabel);
    layout->addWidget(m_reasonTextEdit, 1);
    layout->addWidget(buttons);
    resize(460, 280);

    connect(m_reasonTextEdit, &QPlainTextEdit::textChanged, this,
            [this, cancelButton] { cancelButton->setEnabled(reason().size() <= MaxCancelReasonLength); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString CalendarCancelDialog::reason() const
{
    return m_reasonTextEdit->toPlainText().trimmed();
}

} // namespace Lotse::Ui
