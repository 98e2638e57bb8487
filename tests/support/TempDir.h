#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace Lotse::Tests {

// A temporary directory (under the test's private scratch tree when run through
// run-isolated.sh), removed when the object goes.
class TempDir
{
public:
    TempDir();
    [[nodiscard]] bool isValid() const { return m_dir.isValid(); }
    [[nodiscard]] QString path() const { return m_dir.path(); }
    [[nodiscard]] QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // Writes `contents` to `name` (creating folders) and returns the full path; empty on failure.
    QString writeFile(const QString &name, const QByteArray &contents) const;

private:
    QTemporaryDir m_dir;
};

} // namespace Lotse::Tests
