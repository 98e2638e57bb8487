// lotse-crypto-vectors: `generate DIR` writes the golden vector files; `verify FILE...` checks
// vector files (ours, or the browser twin's) against the C++ library.
#include "crypto/Crypto.h"
#include "crypto/tools/Vectors.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cstdio>

using namespace Lotse::Crypto;
using namespace Qt::StringLiterals;

namespace {

int usage()
{
    std::fputs("usage: lotse-crypto-vectors generate DIR\n"
               "       lotse-crypto-vectors verify FILE...\n",
               stderr);
    return 2;
}

int generate(const QString &dirPath)
{
    QDir dir(dirPath);
    if (!dir.mkpath(u"."_s)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(dirPath));
        return 1;
    }
    for (const auto &file : Vectors::generateAll()) {
        QFile out(dir.filePath(file.fileName));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            out.write(QJsonDocument(file.document).toJson(QJsonDocument::Indented)) < 0) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(out.fileName()));
            return 1;
        }
        std::printf("wrote %s (%lld vectors)\n", qPrintable(out.fileName()),
                    static_cast<long long>(file.document.value(u"vectors"_s).toArray().size()));
    }
    return 0;
}

int verify(const QStringList &paths)
{
    int failed = 0;
    for (const QString &path : paths) {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: cannot read\n", qPrintable(path));
            ++failed;
            continue;
        }
        const auto doc = Vectors::readDocument(in.readAll());
        if (!doc) {
            std::fprintf(stderr, "%s: not a vector file (%s)\n", qPrintable(path),
                         qPrintable(errorString(doc.error())));
            ++failed;
            continue;
        }
        const auto report = Vectors::verifyDocument(*doc);
        for (const QString &failure : report.failures)
            std::fprintf(stderr, "%s: FAIL %s\n", qPrintable(path), qPrintable(failure));
        std::printf("%s: %d vectors, %lld failures\n", qPrintable(path), report.checked,
                    static_cast<long long>(report.failures.size()));
        if (!report.failures.isEmpty())
            ++failed;
    }
    return failed == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QString failure;
    if (!init(&failure)) {
        std::fprintf(stderr, "%s\n", qPrintable(failure));
        return 1;
    }
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    if (args.size() == 2 && args.first() == "generate"_L1)
        return generate(args.at(1));
    if (args.size() >= 2 && args.first() == "verify"_L1)
        return verify(args.mid(1));
    return usage();
}
