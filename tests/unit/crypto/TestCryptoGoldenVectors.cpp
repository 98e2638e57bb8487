#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/tools/Vectors.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// The committed golden vectors (tests/data/crypto) still decrypt and verify with this code, and
// the generator still produces exactly them.
class TestCryptoGoldenVectors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(init()); }

    void everyKindHasAFile()
    {
        const QStringList files = QDir(dataPath(u"crypto"_s)).entryList({u"*.json"_s}, QDir::Files);
        QCOMPARE(files.size(), Vectors::generateAll().size());
    }

    void committedFilesVerify_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(dataPath(u"crypto"_s)).entryList({u"*.json"_s}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    void committedFilesVerify()
    {
        QFETCH(QString, file);
        const QJsonObject doc = readVectorFile(u"crypto/"_s + file);
        const auto report = Vectors::verifyDocument(doc);
        QVERIFY2(report.failures.isEmpty(), qPrintable(report.failures.join(u'\n')));
        QVERIFY(report.checked > 0);
        QCOMPARE(report.checked, doc.value(u"vectors"_s).toArray().size());
    }

    void generatorReproducesCommittedFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QJsonObject>("generated");
        for (const auto &vectorFile : Vectors::generateAll())
            QTest::newRow(qPrintable(vectorFile.fileName)) << vectorFile.fileName << vectorFile.document;
    }

    void generatorReproducesCommittedFiles()
    {
        QFETCH(QString, file);
        QFETCH(QJsonObject, generated);
        QCOMPARE(readVectorFile(u"crypto/"_s + file), generated);
    }

    // The verifier is not a rubber stamp: a changed byte or expectation makes it fail.
    void verifierCatchesChanges()
    {
        QJsonObject doc = readVectorFile(u"crypto/record.json"_s);
        QJsonArray vectors = doc.value(u"vectors"_s).toArray();
        QJsonObject first = vectors.at(0).toObject();
        QString plaintext = first.value(u"plaintext"_s).toString();
        plaintext[0] = plaintext.at(0) == u'0' ? u'1' : u'0';
        first.insert(u"plaintext"_s, plaintext);
        vectors.replace(0, first);
        QJsonObject second = vectors.at(vectors.size() - 1).toObject();
        second.insert(u"expect"_s, u"ok"_s);
        vectors.replace(vectors.size() - 1, second);
        doc.insert(u"vectors"_s, vectors);
        QCOMPARE(Vectors::verifyDocument(doc).failures.size(), 2);

        QJsonObject empty = doc;
        empty.insert(u"vectors"_s, QJsonArray());
        QCOMPARE(Vectors::verifyDocument(empty).failures.size(), 1);
        QJsonObject unknown = doc;
        unknown.insert(u"kind"_s, u"nonsense"_s);
        QCOMPARE(Vectors::verifyDocument(unknown).failures.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCryptoGoldenVectors)
#include "TestCryptoGoldenVectors.moc"
