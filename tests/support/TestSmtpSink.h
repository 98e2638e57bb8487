#pragma once

#include "tests/support/TempDir.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>

#include <memory>

namespace Lotse::Tests {

// A real SMTP server (tests/support/smtp-sink.py on Debian's python3-aiosmtpd) on a loopback port;
// each accepted mail becomes a file, read back with messages(). The port is chosen at
// construction, so a test can configure lotse-server with it before the sink runs (SMTP down).
class TestSmtpSink
{
public:
    TestSmtpSink();
    ~TestSmtpSink();
    TestSmtpSink(const TestSmtpSink &) = delete;
    TestSmtpSink &operator=(const TestSmtpSink &) = delete;

    [[nodiscard]] bool start();
    void stop();
    [[nodiscard]] bool isRunning() const;

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString url() const; // smtp://127.0.0.1:PORT
    [[nodiscard]] QString lastError() const { return m_lastError; }

    // The raw messages received so far, oldest first.
    [[nodiscard]] QList<QByteArray> messages() const;
    // Spins the event loop until at least `count` messages arrived or `timeoutMs` passed.
    bool waitForMessages(int count, int timeoutMs = 20'000) const;

private:
    TempDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_lastError;
};

} // namespace Lotse::Tests
