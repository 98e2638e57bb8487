#include "tests/desktop/BrowserSide.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Lotse::Tests::Desktop {

bool BrowserSide::start(const QString &script, const QStringList &arguments)
{
    const QString source = qEnvironmentVariable("LOTSE_SOURCE_DIR");
    m_process.setProgram(qEnvironmentVariable("LOTSE_NODE"));
    m_process.setArguments(QStringList{source + u"/tests/desktop/"_s + script} + arguments);
    m_process.setWorkingDirectory(source);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] {
        m_buffer += m_process.readAllStandardOutput();
        for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n')) {
            const QJsonObject answer = QJsonDocument::fromJson(m_buffer.left(end)).object();
            m_buffer.remove(0, end + 1);
            m_answers.insert(answer.value("id"_L1).toInt(), answer);
        }
    });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { m_log += m_process.readAllStandardError(); });
    m_process.start();
    return m_process.waitForStarted(10000);
}

QJsonObject BrowserSide::call(const QString &command, QJsonObject arguments)
{
    const int id = ++m_lastId;
    arguments.insert(u"id"_s, id);
    arguments.insert(u"cmd"_s, command);
    m_process.write(QJsonDocument(arguments).toJson(QJsonDocument::Compact) + '\n');
    if (!QTest::qWaitFor([&] { return m_answers.contains(id) || m_process.state() == QProcess::NotRunning; },
                         TimeoutMs))
        return {{u"ok"_s, false}, {u"error"_s, u"no answer to %1; node said: %2"_s.arg(command, log())}};
    if (!m_answers.contains(id))
        return {{u"ok"_s, false}, {u"error"_s, u"node exited during %1: %2"_s.arg(command, log())}};
    return m_answers.take(id);
}

void BrowserSide::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(30000))
        m_process.kill();
}

} // namespace Lotse::Tests::Desktop
