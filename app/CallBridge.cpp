#include "app/CallBridge.h"

#include "app/ApiError.h"
#include "app/RoomService.h"
#include "app/ServerClient.h"
#include "crypto/Random.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

constexpr qsizetype MaxSignalLength = 64 * 1024;

const QSet<QString> &signalTypes()
{
    static const QSet<QString> types{u"ready"_s, u"offer"_s, u"answer"_s, u"ice"_s, u"hangup"_s, u"key"_s, u"media"_s};
    return types;
}

} // namespace

CallBridge::CallBridge(RoomService *rooms, ServerClient *client, const QString &roomId, const QString &language,
                       QObject *parent)
    : QObject(parent)
    , m_rooms(rooms)
    , m_client(client)
    , m_roomId(roomId)
    , m_language(language)
{
    connect(rooms, &RoomService::controlReceived, this, &CallBridge::onControl);
    connect(rooms, &RoomService::epochChanged, this, &CallBridge::onEpoch);
    // Someone joined or left (an interpreter): the page's tiles get their names.
    connect(rooms, &RoomService::roomChanged, this, [this](const QString &id) {
        if (id == m_roomId && m_stage == Stage::InCall)
            Q_EMIT namesChanged(names());
    });
}

CallBridge::~CallBridge()
{
    if (m_rooms)
        m_rooms->setInCall(m_roomId, false);
}

QVariantMap CallBridge::deviceOptions() const
{
    return {
        {u"devices"_s, QVariantMap{{u"videoInput"_s, m_videoInput.isEmpty() ? QVariant() : QVariant(m_videoInput)},
                                   {u"audioInput"_s, m_audioInput.isEmpty() ? QVariant() : QVariant(m_audioInput)},
                                   {u"audioOutput"_s, m_audioOutput.isEmpty() ? QVariant() : QVariant(m_audioOutput)}}},
        {u"audioOnly"_s, m_audioOnly},
        {u"language"_s, m_language}};
}

QVariantMap CallBridge::names() const
{
    QVariantMap names;
    const Room *room = m_rooms ? m_rooms->room(m_roomId) : nullptr;
    if (!room)
        return names;
    for (const RoomParticipant &participant : room->participants) {
        if (participant.kind == "visitor"_L1)
            names.insert(participant.keyId, room->title.isEmpty() ? tr("Help-seeker") : room->title);
        else if (participant.kind == "interpreter"_L1)
            names.insert(participant.keyId, tr("Interpreter"));
        else if (participant.keyId == m_rooms->myKeyId())
            names.insert(participant.keyId, tr("You"));
        else
            names.insert(participant.keyId, participant.displayName);
    }
    return names;
}

void CallBridge::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    if (m_rooms)
        m_rooms->setInCall(m_roomId, stage == Stage::Joining || stage == Stage::InCall);
    Q_EMIT stageChanged(stage);
}

void CallBridge::chooseDevices(const QString &videoInput, const QString &audioInput, const QString &audioOutput,
                               bool audioOnly)
{
    m_videoInput = videoInput;
    m_audioInput = audioInput;
    m_audioOutput = audioOutput;
    m_audioOnly = audioOnly;
    if (m_pageLoaded)
        Q_EMIT devicesChosen(deviceOptions());
}

void CallBridge::pageReady()
{
    m_pageLoaded = true;
    if (m_stage == Stage::Preview)
        Q_EMIT previewRequested(deviceOptions());
    if (std::exchange(m_joinWanted, false))
        join();
}

void CallBridge::join()
{
    if (m_stage != Stage::Preview || !m_rooms || !m_client)
        return;
    if (!m_pageLoaded) {
        m_joinWanted = true;
        return;
    }
    if (!m_rooms->room(m_roomId) || m_rooms->callFrameKey(m_roomId).isEmpty()) {
        Q_EMIT problem(tr("The conversation's key is not ready yet. Please try again in a moment."));
        return;
    }
    setStage(Stage::Joining);
    m_client->getJson(u"/api/v1/rooms/%1/turn"_s.arg(m_roomId), [this, guard = QPointer<CallBridge>(this)](
                                                                    const QJsonObject &answer, const ApiError &error) {
        if (!guard || m_stage != Stage::Joining)
            return;
        // Without TURN credentials (no [turn] configured) the call still tries directly.
        QJsonObject ice;
        if (!error.isError() && answer.value("iceServers"_L1).isArray()) {
            ice.insert(u"iceServers"_s, answer.value("iceServers"_L1));
            ice.insert(u"iceTransportPolicy"_s,
                       answer.value("iceTransportPolicy"_L1).toString() == "relay"_L1 ? u"relay"_s : u"all"_s);
        } else {
            ice.insert(u"iceServers"_s, QJsonArray());
            ice.insert(u"iceTransportPolicy"_s, u"all"_s);
        }
        const Room *room = m_rooms ? m_rooms->room(m_roomId) : nullptr;
        const QByteArray frameKey = m_rooms ? m_rooms->callFrameKey(m_roomId) : QByteArray();
        if (!room || frameKey.isEmpty()) {
            setStage(Stage::Preview);
            Q_EMIT problem(tr("The conversation's key is not ready yet. Please try again in a moment."));
            return;
        }
        m_epoch = room->currentEpoch;
        QVariantMap config = deviceOptions();
        config.insert(u"selfId"_s, m_rooms->myKeyId());
        config.insert(u"roomId"_s, m_roomId);
        config.insert(u"epoch"_s, int(m_epoch));
        config.insert(u"frameKey"_s, Crypto::toBase64Url(frameKey));
        config.insert(u"ice"_s, ice.toVariantMap());
        config.insert(u"names"_s, names());
        setStage(Stage::InCall);
        Q_EMIT joinRequested(config);
    });
}

void CallBridge::hangup()
{
    if (m_stage == Stage::InCall)
        Q_EMIT hangupRequested();
    else
        setStage(Stage::Ended);
}

void CallBridge::sendSignal(const QString &json)
{
    if (m_stage != Stage::InCall || !m_rooms || json.size() > MaxSignalLength)
        return;
    // The page is ours, but what it hands over is still checked: a JSON object of a known type.
    const QJsonObject signal = QJsonDocument::fromJson(json.toUtf8()).object();
    if (signal.value("v"_L1).toInteger() != 1 || !signalTypes().contains(signal.value("type"_L1).toString()))
        return;
    const QString failure = m_rooms->sendControl(m_roomId, signal);
    if (!failure.isEmpty())
        Q_EMIT problem(failure);
}

void CallBridge::reportState(const QString &state)
{
    const QString clean = state.left(40);
    if (clean == m_callState)
        return;
    m_callState = clean;
    Q_EMIT callStateChanged(clean);
}

void CallBridge::reportEnded(const QString &reason)
{
    if (m_stage == Stage::Ended)
        return;
    // The reason is the page's last state too ('ended', 'endedByOther', 'failed').
    reportState(reason);
    setStage(Stage::Ended);
    Q_EMIT ended(reason.left(40));
}

void CallBridge::reportProblem(const QString &problem)
{
    Q_EMIT this->problem(problem.left(500));
}

void CallBridge::onControl(const QString &roomId, const QString &senderKeyId, const QJsonObject &signal)
{
    if (roomId != m_roomId || m_stage != Stage::InCall)
        return;
    if (!signalTypes().contains(signal.value("type"_L1).toString()))
        return;
    Q_EMIT signalReceived(QString::fromUtf8(QJsonDocument(signal).toJson(QJsonDocument::Compact)), senderKeyId);
}

void CallBridge::onEpoch(const QString &roomId, quint32 epoch)
{
    if (roomId != m_roomId || m_stage != Stage::InCall || epoch == m_epoch || !m_rooms)
        return;
    const QByteArray frameKey = m_rooms->callFrameKey(m_roomId);
    if (frameKey.isEmpty())
        return;
    m_epoch = epoch;
    Q_EMIT keyChanged(int(epoch), Crypto::toBase64Url(frameKey));
}

} // namespace Lotse::Client
