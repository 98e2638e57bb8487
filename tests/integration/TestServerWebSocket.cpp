// /api/v1/ws: authenticates by session token (header or first message), answers pings, and closes
// for bad tokens, other paths and ended sessions.
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace Lotse::Tests;

class TestServerWebSocket : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttpClient> m_client;

    QUrl wsUrl(const QString &path = u"/api/v1/ws"_s) const
    {
        QUrl url = m_server->url(path);
        url.setScheme(u"ws"_s);
        return url;
    }

    static QJsonObject nextMessage(QSignalSpy &spy)
    {
        if (spy.isEmpty() && !spy.wait(10'000))
            return {};
        return QJsonDocument::fromJson(spy.takeFirst().at(0).toString().toUtf8()).object();
    }

    static void send(QWebSocket &socket, const QJsonObject &message)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        QVERIFY(m_server->createOrg(u"demo"_s, u"Demo"_s));
        QVERIFY(m_server->createAdvisor(u"demo"_s, u"anna@demo.example"_s, u"anna password"_s, u"Anna"_s));
        m_client = std::make_unique<TestHttpClient>(m_server->baseUrl());
    }

    void authorizationHeaderAndPing()
    {
        const QString token = m_client->login(u"anna@demo.example"_s, u"anna password"_s);
        QWebSocket socket;
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        QNetworkRequest request(wsUrl());
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        socket.open(request);
        const QJsonObject ready = nextMessage(messages);
        QCOMPARE(ready.value("type"_L1).toString(), u"ready"_s);
        QCOMPARE(ready.value("advisorId"_L1).toString(),
                 m_client->get(u"/api/v1/me"_s, token).json().value("id"_L1).toString());
        send(socket, {{u"type"_s, u"ping"_s}, {u"id"_s, 7}});
        QCOMPARE(nextMessage(messages), (QJsonObject{{u"type"_s, u"pong"_s}, {u"id"_s, 7}}));

        // After sign-out the next ping closes the socket.
        QSignalSpy closed(&socket, &QWebSocket::disconnected);
        QCOMPARE(m_client->postJson(u"/api/v1/auth/logout"_s, {}, token).status, 204);
        send(socket, {{u"type"_s, u"ping"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), 10'000);
        QCOMPARE(int(socket.closeCode()), 4401);
    }

    void firstMessageAuthentication()
    {
        const QString token = m_client->login(u"anna@demo.example"_s, u"anna password"_s);
        QWebSocket socket;
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(wsUrl());
        QVERIFY(connected.wait(10'000));
        send(socket, {{u"type"_s, u"auth"_s}, {u"token"_s, token}});
        QCOMPARE(nextMessage(messages).value("type"_L1).toString(), u"ready"_s);
        send(socket, {{u"type"_s, u"ping"_s}});
        QCOMPARE(nextMessage(messages).value("type"_L1).toString(), u"pong"_s);
        send(socket, {{u"type"_s, u"launch_missiles"_s}});
        QCOMPARE(nextMessage(messages).value("code"_L1).toString(), u"unknown_type"_s);
    }

    void badTokenIsClosed()
    {
        QWebSocket socket;
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy closed(&socket, &QWebSocket::disconnected);
        socket.open(wsUrl());
        QVERIFY(connected.wait(10'000));
        send(socket, {{u"type"_s, u"auth"_s}, {u"token"_s, u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s}});
        const QJsonObject error = nextMessage(messages);
        QCOMPARE(error.value("type"_L1).toString(), u"error"_s);
        QCOMPARE(error.value("code"_L1).toString(), u"not_authenticated"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), 10'000);
        QCOMPARE(int(socket.closeCode()), 4401);
    }

    void pingBeforeAuthenticationIsClosed()
    {
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy closed(&socket, &QWebSocket::disconnected);
        socket.open(wsUrl());
        QVERIFY(connected.wait(10'000));
        send(socket, {{u"type"_s, u"ping"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), 10'000);
        QCOMPARE(int(socket.closeCode()), 4401);
    }

    void otherPathsAreRefused()
    {
        QWebSocket socket;
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        QSignalSpy closed(&socket, &QWebSocket::disconnected);
        socket.open(wsUrl(u"/api/v1/elsewhere"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), 10'000);
        QVERIFY(messages.isEmpty());
    }

    void cleanupTestCase() { QVERIFY(m_server->stop()); }
};

QTEST_GUILESS_MAIN(TestServerWebSocket)
#include "TestServerWebSocket.moc"
