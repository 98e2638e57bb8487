#include "tests/support/TestSmtpSink.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTcpServer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Lotse::Tests {

TestSmtpSink::TestSmtpSink()
{
    QTcpServer probe;
    if (probe.listen(QHostAddress::LocalHost, 0))
        m_port = probe.serverPort();
    QDir(m_dir.path()).mkpath(u"mail"_s);
}

TestSmtpSink::~TestSmtpSink()
{
    stop();
}

QString TestSmtpSink::url() const
{
    return u"smtp://127.0.0.1:%1"_s.arg(m_port);
}

bool TestSmtpSink::start()
{
    if (isRunning())
        return true;
    m_process = std::make_unique<QProcess>();
    // Debian's interpreter: python3-aiosmtpd lives in its dist-packages.
    m_process->setProgram(u"/usr/bin/python3"_s);
    m_process->setArguments({QStringLiteral(LOTSE_SMTP_SINK_SCRIPT), u"--port"_s, QString::number(m_port), u"--dir"_s,
                             m_dir.filePath(u"mail"_s)});
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start();
    if (!m_process->waitForStarted(10'000)) {
        m_lastError = m_process->errorString();
        m_process.reset();
        return false;
    }
    QByteArray output;
    QDeadlineTimer deadline(20'000);
    while (!output.contains('\n') && !deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(200);
        output += m_process->readAllStandardOutput();
    }
    if (!output.startsWith("ready ")) {
        m_lastError = u"the SMTP sink did not start: "_s + QString::fromUtf8(m_process->readAllStandardError());
        stop();
        return false;
    }
    return true;
}

void TestSmtpSink::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10'000)) {
        m_process->kill();
        m_process->waitForFinished(5'000);
    }
    m_process.reset();
}

bool TestSmtpSink::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QList<QByteArray> TestSmtpSink::messages() const
{
    QList<QByteArray> result;
    const QDir dir(m_dir.filePath(u"mail"_s));
    const QStringList names = dir.entryList({u"*.eml"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            result.append(file.readAll());
    }
    return result;
}

bool TestSmtpSink::waitForMessages(int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (messages().size() < count) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace Lotse::Tests
