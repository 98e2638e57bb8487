#include "app/Profile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

Profile::Profile(const QString &directory)
{
    QString chosen = directory;
    if (chosen.isEmpty())
        chosen = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + "/lotse"_L1;
    QDir().mkpath(chosen);
    QFile::setPermissions(chosen, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_directory = QFileInfo(chosen).canonicalFilePath();
    if (m_directory.isEmpty())
        m_directory = QDir::cleanPath(QDir(chosen).absolutePath());
    m_id = QString::fromLatin1(
        QCryptographicHash::hash(m_directory.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

QString Profile::settingsPath() const
{
    return m_directory + "/lotse.ini"_L1;
}

QString Profile::keyFilePath() const
{
    return m_directory + "/device-keys.lotsekey"_L1;
}

QString Profile::instanceName() const
{
    return "lotse-"_L1 + m_id;
}

QString Profile::keychainService()
{
    return u"Lotse"_s;
}

std::unique_ptr<QSettings> Profile::settings() const
{
    return std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
}

QString Profile::tokenEntry(const QString &server, const QString &username) const
{
    return m_id + u'/' + username + u'@' + server + "/session-token"_L1;
}

QString Profile::deviceKeysEntry(const QString &server, const QString &username) const
{
    return m_id + u'/' + username + u'@' + server + "/device-keys"_L1;
}

} // namespace Lotse::Client
