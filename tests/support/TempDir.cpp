#include "tests/support/TempDir.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Lotse::Tests {

namespace {

QString templatePath()
{
    const QString scratch = qEnvironmentVariable("LOTSE_TEST_SCRATCH");
    return (scratch.isEmpty() ? QDir::tempPath() : scratch) + u"/lotse-XXXXXX"_s;
}

} // namespace

TempDir::TempDir()
    : m_dir(templatePath())
{}

QString TempDir::writeFile(const QString &name, const QByteArray &contents) const
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() || !file.commit())
        return {};
    return path;
}

} // namespace Lotse::Tests
