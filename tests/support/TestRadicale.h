#pragma once

#include "tests/support/TempDir.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <memory>

namespace Lotse::Tests {

// Runs Debian's Radicale (a real CalDAV server) on a free loopback port, with plain htpasswd
// users and its storage in a temporary directory. Radicale 3.1 on Debian checks bcrypt and MD5
// only with python3-passlib/bcrypt, which the image does not carry; plain is enough on loopback.
class TestRadicale
{
public:
    TestRadicale();
    ~TestRadicale();
    TestRadicale(const TestRadicale &) = delete;
    TestRadicale &operator=(const TestRadicale &) = delete;

    // Call before start(); "user:password" lines in the htpasswd file.
    void addUser(const QString &user, const QString &password);
    // Starts Radicale and waits until it answers HTTP. After stop(), starts it again on the same
    // port with the same storage.
    [[nodiscard]] bool start();
    void stop();
    [[nodiscard]] bool isRunning() const;

    [[nodiscard]] QUrl baseUrl() const; // http://127.0.0.1:PORT/
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] QByteArray log() const;

private:
    TempDir m_root;
    QByteArray m_users;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_lastError;
};

} // namespace Lotse::Tests
