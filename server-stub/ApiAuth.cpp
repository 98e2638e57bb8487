// Advisor sessions and the second factor (API.md, "Advisor sessions").
#include "server-stub/Api.h"

#include "server-stub/JsonLog.h"
#include "server-stub/RequestValidator.h"
#include "server-stub/SecretBox.h"
#include "server-stub/Totp.h"

#include "crypto/Password.h"
#include "crypto/Random.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QByteArray totpAssociatedData(const QString &advisorId)
{
    return "lotse-totp-v1:" + advisorId.toLatin1();
}

Response rateLimited(qint64 retryAfter)
{
    Response response =
        Response::error(429, u"rate_limited"_s, u"Too many attempts. Please wait before trying again."_s);
    response.setHeader("Retry-After", QByteArray::number(retryAfter));
    return response;
}

Response invalidCredentials()
{
    return Response::error(401, u"invalid_credentials"_s, u"The user name or the password is wrong."_s);
}

} // namespace

bool Api::verifyPasswordAndUpgrade(const AdvisorRecord &advisor, const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    if (!Crypto::PasswordHash::verify(advisor.passwordHash, utf8))
        return false;
    if (Crypto::PasswordHash::needsRehash(advisor.passwordHash)) {
        const auto rehashed = Crypto::PasswordHash::hash(utf8);
        if (rehashed && m_store.setPasswordHash(advisor.id, *rehashed))
            JsonLog::info(u"password_rehashed"_s, {{u"advisorId"_s, advisor.id}});
    }
    return true;
}

QByteArray Api::totpSecretOf(const AdvisorRecord &advisor, const QString &sealed) const
{
    const auto secret = m_secrets.decrypt(sealed, totpAssociatedData(advisor.id));
    if (!secret)
        JsonLog::error(u"totp_secret_unreadable"_s, {{u"advisorId"_s, advisor.id}});
    return secret.value_or(QByteArray());
}

Response Api::login(const Request &request)
{
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request,
                                                     {{u"username"_s, QJsonValue::String, true, 254},
                                                      {u"password"_s, QJsonValue::String, true, 1024},
                                                      {u"totp"_s, QJsonValue::String, false, 16}},
                                                     body))
        return *error;
    const QString username = RequestValidator::normalizeUsername(body.value("username"_L1).toString());
    const QString password = body.value("password"_L1).toString();
    const QString totp = body.value("totp"_L1).toString();
    const QString ipKey = u"ip:"_s + request.remoteAddress;
    const QString accountKey = u"user:"_s + username;

    const qint64 wait = std::max(m_loginPerIp.retryAfter(ipKey), m_loginPerAccount.retryAfter(accountKey));
    if (wait > 0) {
        JsonLog::warning(u"login_rate_limited"_s);
        return rateLimited(wait);
    }
    const auto fail = [&](Response response, const QString &advisorId = {}) {
        m_loginPerIp.record(ipKey);
        m_loginPerAccount.record(accountKey);
        QJsonObject fields{{u"status"_s, response.status},
                           {u"code"_s, Models::ApiError::fromJson(QJsonDocument::fromJson(response.body).object())
                                           .value_or(Models::ApiError{})
                                           .code}};
        if (!advisorId.isEmpty())
            fields.insert(u"advisorId"_s, advisorId);
        JsonLog::warning(u"login_failed"_s, fields);
        return response;
    };

    const auto advisor = m_store.advisorByUsername(username);
    if (!advisor) {
        // Spend the same work as for a real account so that timing does not reveal user names.
        if (m_dummyHash.isEmpty()) {
            const auto dummy = Crypto::PasswordHash::hash(Crypto::randomBytes(16));
            m_dummyHash = dummy ? *dummy : QByteArray();
        }
        (void)Crypto::PasswordHash::verify(m_dummyHash, password.toUtf8());
        return fail(invalidCredentials());
    }
    if (!verifyPasswordAndUpgrade(*advisor, password))
        return fail(invalidCredentials(), advisor->id);
    if (advisor->disabled)
        return Response::error(403, u"account_disabled"_s, u"This account has been disabled."_s);
    if (!advisor->totpSecret.isEmpty()) {
        if (totp.isEmpty())
            return Response::error(401, u"totp_required"_s, u"Enter the code from your authenticator app."_s);
        const QByteArray secret = totpSecretOf(*advisor, advisor->totpSecret);
        const auto step = Totp::verify(secret, totp, now(), advisor->totpLastStep);
        if (!step || !m_store.consumeTotpStep(advisor->id, *step))
            return fail(
                Response::error(401, u"totp_invalid"_s, u"The authenticator code is wrong or was used already."_s),
                advisor->id);
    }
    m_loginPerAccount.reset(accountKey);

    const QString token = Crypto::newToken();
    const qint64 t = now();
    const SessionRecord session{hashToken(token), advisor->id, t, t, t + sessionAbsoluteSeconds};
    if (!m_store.createSession(session))
        return Response::error(500, u"internal_error"_s, u"The session could not be saved."_s);
    const auto fresh = m_store.advisorById(advisor->id);
    JsonLog::info(u"login"_s, {{u"advisorId"_s, advisor->id}});
    return Response::json(200,
                          Models::LoginResponse{token, QDateTime::fromSecsSinceEpoch(t + sessionIdleSeconds).toUTC(),
                                                toWire(fresh.value_or(*advisor))}
                              .toJson());
}

Response Api::logout(const Caller &caller)
{
    if (!m_store.deleteSession(caller.tokenHash))
        return Response::error(500, u"internal_error"_s, u"The session could not be ended."_s);
    return Response::noContent();
}

Response Api::me(const Caller &caller)
{
    return Response::json(200, toWire(caller.advisor).toJson());
}

Response Api::totpSetup(const Caller &caller)
{
    if (!caller.advisor.totpSecret.isEmpty())
        return Response::error(409, u"totp_already_enabled"_s,
                               u"The second factor is already on; turn it off first to set up a new one."_s);
    const QByteArray secret = Crypto::randomBytes(20);
    if (!m_store.setTotpPending(caller.advisor.id, m_secrets.encrypt(secret, totpAssociatedData(caller.advisor.id))))
        return Response::error(500, u"internal_error"_s, u"The second factor could not be saved."_s);
    return Response::json(
        200, Models::TotpSetup{Totp::toBase32(secret), Totp::otpauthUri(u"Lotse"_s, caller.advisor.username, secret)}
                 .toJson());
}

Response Api::totpEnable(const Request &request, const Caller &caller)
{
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request, {{u"code"_s, QJsonValue::String, true, 16}}, body))
        return *error;
    if (!caller.advisor.totpSecret.isEmpty())
        return Response::error(409, u"totp_already_enabled"_s, u"The second factor is already on."_s);
    if (caller.advisor.totpPendingSecret.isEmpty())
        return Response::error(409, u"totp_not_set_up"_s, u"Set up the second factor first."_s);
    const QByteArray secret = totpSecretOf(caller.advisor, caller.advisor.totpPendingSecret);
    const auto step = Totp::verify(secret, body.value("code"_L1).toString(), now(), caller.advisor.totpLastStep);
    if (!step)
        return Response::error(400, u"totp_invalid"_s, u"The authenticator code is wrong."_s);
    if (!m_store.enableTotp(caller.advisor.id, *step))
        return Response::error(500, u"internal_error"_s, u"The second factor could not be saved."_s);
    JsonLog::info(u"totp_enabled"_s, {{u"advisorId"_s, caller.advisor.id}});
    return Response::json(200, {{u"totpEnabled"_s, true}});
}

Response Api::totpDisable(const Request &request, const Caller &caller)
{
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request, {{u"password"_s, QJsonValue::String, true, 1024}}, body))
        return *error;
    const QString accountKey = u"user:"_s + caller.advisor.username;
    if (const qint64 wait = m_loginPerAccount.retryAfter(accountKey); wait > 0)
        return rateLimited(wait);
    if (!verifyPasswordAndUpgrade(caller.advisor, body.value("password"_L1).toString())) {
        m_loginPerAccount.record(accountKey);
        return invalidCredentials();
    }
    if (!m_store.disableTotp(caller.advisor.id))
        return Response::error(500, u"internal_error"_s, u"The second factor could not be turned off."_s);
    JsonLog::info(u"totp_disabled"_s, {{u"advisorId"_s, caller.advisor.id}});
    return Response::json(200, {{u"totpEnabled"_s, false}});
}

} // namespace Lotse::Server
