#pragma once

#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QStringList>

namespace Lotse::Tests::Desktop {

// A browser driven by a node script (playwright-core and Debian's Chromium) beside a desktop test:
// one JSON command per line on its stdin, one JSON answer {"id", "ok", ...} per line on its stdout.
// The script lives in tests/desktop (LOTSE_SOURCE_DIR); node is LOTSE_NODE.
class BrowserSide
{
public:
    static constexpr int TimeoutMs = 90'000; // the scripts wait up to 60 s per condition themselves

    bool start(const QString &script, const QStringList &arguments);
    // Sends a command and waits (the desktop's event loop running) for its answer.
    QJsonObject call(const QString &command, QJsonObject arguments = {});
    // Closes stdin (the script closes Chromium and exits) and waits for it.
    void stop();
    [[nodiscard]] QString log() const { return QString::fromUtf8(m_log); }

private:
    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_log;
    QMap<int, QJsonObject> m_answers;
    int m_lastId = 0;
};

} // namespace Lotse::Tests::Desktop

// Fails the test function with what the browser side said when a command did not succeed.
#define BROWSER_OK(answer) QVERIFY2((answer).value("ok"_L1).toBool(), qPrintable((answer).value("error"_L1).toString()))
