// The composition root of the advisor's desktop app: parses the command line, builds the client
// services for one profile, and shows the main window.
#include "app/ClientContext.h"
#include "app/LanguageManager.h"
#include "app/Session.h"
#include "app/SingleInstance.h"
#include "crypto/Crypto.h"
#include "ui/CallPage.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Qt WebEngine (the call window) wants its scheme and shared GL contexts before the application.
    Lotse::Ui::registerCallScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication application(argc, argv);
    QApplication::setApplicationName(u"lotse"_s);
    QApplication::setApplicationDisplayName(u"Lotse"_s);
    QApplication::setApplicationVersion(QStringLiteral(LOTSE_VERSION));
    QApplication::setDesktopFileName(u"lotse"_s);

    // The profile decides the language, so peek at --profile before the parser's texts are needed.
    const QStringList arguments = QApplication::arguments();
    const qsizetype profileIndex = arguments.indexOf("--profile"_L1);
    const QString profileDirectory = profileIndex > 0 && profileIndex + 1 < arguments.size()
                                         ? arguments.at(profileIndex + 1)
                                         : qEnvironmentVariable("LOTSE_PROFILE");
    Lotse::Client::ClientContext context(profileDirectory);
    context.languages()->apply();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Lotse, the advisor's desktop app."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(u"server"_s, QApplication::translate("main", "Server address to sign in to."),
                                          QApplication::translate("main", "url"));
    const QCommandLineOption userOption(u"user"_s, QApplication::translate("main", "User name to sign in with."),
                                        QApplication::translate("main", "name"));
    const QCommandLineOption passwordOption(
        u"password-stdin"_s, QApplication::translate("main", "Read the password from the first line of standard "
                                                             "input and sign in right away."));
    const QCommandLineOption profileOption(
        u"profile"_s, QApplication::translate("main", "Keep settings and keys for this profile in a separate folder."),
        QApplication::translate("main", "folder"));
    parser.addOptions({serverOption, userOption, passwordOption, profileOption});
    parser.process(application);

    Lotse::Client::SingleInstance instance(context.profile().instanceName());
    if (instance.activateRunningInstance())
        return 0;
    instance.listen();

    Lotse::Ui::Theme::apply(application);
    QString failure;
    if (!Lotse::Crypto::init(&failure)) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Lotse cannot start"),
                              QApplication::translate("main", "The encryption self-test failed (%1). Lotse will not "
                                                              "start, so that no data is handled unsafely.")
                                  .arg(failure));
        return 1;
    }

    Lotse::Ui::MainWindow window(&context);
    QObject::connect(&instance, &Lotse::Client::SingleInstance::activationRequested, &window,
                     &Lotse::Ui::MainWindow::activate);
    window.prefill(parser.value(serverOption), parser.value(userOption));
    if (parser.isSet(passwordOption)) {
        QTextStream input(stdin);
        window.signInWhenReady(input.readLine());
    }
    window.show();
    context.session()->start();
    return application.exec();
}
