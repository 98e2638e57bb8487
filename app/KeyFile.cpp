#include "app/KeyFile.h"

#include "crypto/FileStream.h"
#include "crypto/Kdf.h"
#include "crypto/Password.h"
#include "crypto/Random.h"

#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtEndian>

#include <optional>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

constexpr QByteArrayView Magic = "LOTSEKF1";
constexpr qsizetype SaltSize = 16;
constexpr qsizetype CheckSize = 16;
constexpr qsizetype HeaderSize = 8 + 4 + 4 + SaltSize + CheckSize;
constexpr char KdfContext[] = "lotsekf_";
constexpr quint64 CheckSubkeyId = 1;
constexpr quint64 StreamSubkeyId = 2;
// What a key file may ask for: enough for any sane cost, not enough to exhaust the machine.
constexpr quint32 MaxOpsLimit = 16;
constexpr quint32 MaxMemLimitKiB = 2 * 1024 * 1024;
constexpr qint64 MaxFileSize = 1024 * 1024;

std::optional<KeyFile::Cost> g_testingCost;

QByteArrayView view(const Crypto::SecretBytes &bytes)
{
    return {reinterpret_cast<const char *>(bytes.data()), bytes.size()};
}

struct DerivedKeys
{
    Crypto::SecretBytes check;
    Crypto::SecretBytes stream;
};

std::optional<DerivedKeys> deriveKeys(const QString &passphrase, QByteArrayView salt, quint64 opsLimit,
                                      quint64 memLimitBytes)
{
    QByteArray utf8 = passphrase.toUtf8();
    auto master = Crypto::deriveKeyFromPassphrase(utf8, salt, opsLimit, memLimitBytes);
    utf8.fill('\0');
    if (!master)
        return std::nullopt;
    const QByteArrayView context(KdfContext, sizeof(KdfContext) - 1);
    auto check = Crypto::deriveSubkey(master.value(), context, CheckSubkeyId, CheckSize);
    auto stream = Crypto::deriveSubkey(master.value(), context, StreamSubkeyId, 32);
    if (!check || !stream)
        return std::nullopt;
    return DerivedKeys{std::move(check).value(), std::move(stream).value()};
}

} // namespace

KeyFile::Cost KeyFile::defaultCost()
{
    return g_testingCost.value_or(Cost{Crypto::PassphraseOpsLimit, Crypto::PassphraseMemLimitBytes});
}

void KeyFile::setCostForTesting(Cost cost)
{
    g_testingCost = cost;
}

KeyFile::KeyFile(KeyFile &&) noexcept = default;
KeyFile &KeyFile::operator=(KeyFile &&) noexcept = default;
KeyFile::~KeyFile()
{
    for (QByteArray &value : m_entries)
        value.fill('\0');
}

std::unique_ptr<KeyFile> KeyFile::create(const QString &path, const QString &passphrase, SecretStatus *status)
{
    const Cost cost = defaultCost();
    const QByteArray salt = Crypto::randomBytes(SaltSize);
    auto keys = deriveKeys(passphrase, salt, cost.opsLimit, cost.memLimitBytes);
    if (!keys) {
        *status = {SecretStatus::Kind::Failed,
                   QCoreApplication::translate("Lotse::Client::KeyFile", "not enough memory to protect the keys")};
        return nullptr;
    }
    std::unique_ptr<KeyFile> file(new KeyFile);
    file->m_path = path;
    file->m_header.reserve(HeaderSize);
    file->m_header.append(Magic);
    char number[4];
    qToBigEndian(quint32(cost.opsLimit), number);
    file->m_header.append(number, 4);
    qToBigEndian(quint32(cost.memLimitBytes / 1024), number);
    file->m_header.append(number, 4);
    file->m_header.append(salt);
    file->m_header.append(view(keys->check));
    file->m_key = std::move(keys->stream);
    *status = file->save();
    return status->ok() ? std::move(file) : nullptr;
}

std::unique_ptr<KeyFile> KeyFile::open(const QString &path, const QString &passphrase, SecretStatus *status)
{
    QFile input(path);
    if (!input.exists()) {
        *status = {SecretStatus::Kind::NotFound, {}};
        return nullptr;
    }
    if (input.size() > MaxFileSize || !input.open(QIODevice::ReadOnly)) {
        *status = {SecretStatus::Kind::Failed, input.errorString()};
        return nullptr;
    }
    const QByteArray bytes = input.readAll();
    const QByteArrayView header = QByteArrayView(bytes).first(qMin(bytes.size(), HeaderSize));
    if (header.size() < HeaderSize || !header.startsWith(Magic)) {
        *status = {SecretStatus::Kind::Damaged, {}};
        return nullptr;
    }
    const quint32 opsLimit = qFromBigEndian<quint32>(header.data() + 8);
    const quint32 memLimitKiB = qFromBigEndian<quint32>(header.data() + 12);
    if (opsLimit < 1 || opsLimit > MaxOpsLimit || memLimitKiB < 8 || memLimitKiB > MaxMemLimitKiB) {
        *status = {SecretStatus::Kind::Damaged, {}};
        return nullptr;
    }
    auto keys = deriveKeys(passphrase, header.sliced(16, SaltSize), opsLimit, quint64(memLimitKiB) * 1024);
    if (!keys) {
        *status = {SecretStatus::Kind::Failed,
                   QCoreApplication::translate("Lotse::Client::KeyFile", "not enough memory to open the keys")};
        return nullptr;
    }
    if (!Crypto::constantTimeEquals(view(keys->check), header.sliced(16 + SaltSize, CheckSize))) {
        *status = {SecretStatus::Kind::WrongPassphrase, {}};
        return nullptr;
    }
    auto plaintext = Crypto::decryptFile(keys->stream, header, QByteArrayView(bytes).sliced(HeaderSize));
    if (!plaintext) {
        *status = {SecretStatus::Kind::Damaged, Crypto::errorString(plaintext.error())};
        return nullptr;
    }
    QCborParserError parseError;
    const QCborValue document = QCborValue::fromCbor(plaintext.value(), &parseError);
    plaintext.value().fill('\0');
    if (parseError.error != QCborError::NoError || !document.isMap()) {
        *status = {SecretStatus::Kind::Damaged, {}};
        return nullptr;
    }
    std::unique_ptr<KeyFile> file(new KeyFile);
    file->m_path = path;
    file->m_header = header.toByteArray();
    file->m_key = std::move(keys->stream);
    const QCborMap map = document.toMap();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (!it.key().isString() || !it.value().isByteArray()) {
            *status = {SecretStatus::Kind::Damaged, {}};
            return nullptr;
        }
        file->m_entries.insert(it.key().toString(), it.value().toByteArray());
    }
    *status = {};
    return file;
}

SecretStatus KeyFile::setValue(const QString &name, const QByteArray &value)
{
    m_entries.insert(name, value);
    return save();
}

SecretStatus KeyFile::remove(const QString &name)
{
    if (m_entries.remove(name) == 0)
        return {};
    return save();
}

SecretStatus KeyFile::save()
{
    QCborMap map;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        map.insert(it.key(), it.value());
    QByteArray plaintext = map.toCborValue().toCbor();
    auto stream = Crypto::encryptFile(m_key, m_header, plaintext);
    plaintext.fill('\0');
    if (!stream)
        return {SecretStatus::Kind::Failed, Crypto::errorString(stream.error())};

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile output(m_path);
    if (!output.open(QIODevice::WriteOnly))
        return {SecretStatus::Kind::Failed, output.errorString()};
    output.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    output.write(m_header);
    output.write(stream.value());
    if (!output.commit())
        return {SecretStatus::Kind::Failed, output.errorString()};
    return {};
}

} // namespace Lotse::Client
