#include "crypto/Crypto.h"
#include "crypto/internal/Primitives.h"

#include <QTest>

using namespace Lotse::Crypto;
using namespace Qt::StringLiterals;

// Crypto::init() and its known-answer self-tests.
class TestCryptoInit : public QObject
{
    Q_OBJECT

private slots:
    void initSucceedsAndIsIdempotent()
    {
        QString failure;
        QVERIFY2(init(&failure), qPrintable(failure));
        QVERIFY(failure.isEmpty());
        QVERIFY(isInitialised());
        QVERIFY(init());
    }

    void everyCheckPasses() { QCOMPARE(Internal::runSelfTests(), QString()); }

    void corruptedVectorIsCaught_data()
    {
        QTest::addColumn<QString>("check");
        const QStringList names = Internal::selfTestNames();
        QVERIFY(names.size() >= 8);
        for (const QString &name : names) {
            if (name != u"randombytes"_s) // no fixed vector to corrupt
                QTest::newRow(qPrintable(name)) << name;
        }
    }

    void corruptedVectorIsCaught()
    {
        QFETCH(QString, check);
        Internal::injectSelfTestFault(check);
        const QString failed = Internal::runSelfTests();
        Internal::injectSelfTestFault({});
        QCOMPARE(failed, check);
        QCOMPARE(Internal::runSelfTests(), QString());
    }
};

QTEST_GUILESS_MAIN(TestCryptoInit)
#include "TestCryptoInit.moc"
