#pragma once

#include <QWebEnginePage>
#include <QWebEngineUrlSchemeHandler>

class QWebEngineProfile;

namespace Lotse::Ui {

// The desktop's call page lives at lotse-call://app/call.html: a scheme of its own, secure (so
// WebRTC, getUserMedia and WebCrypto work) and local, served from the app's resources only.
inline constexpr char CallScheme[] = "lotse-call";

// Registers the scheme with Qt WebEngine. Must run before the QApplication exists (main() and the
// tests' main()).
void registerCallScheme();

// Serves the page's files from the resources under :/lotse-call (built from server-stub/web and
// app/call) and Qt's qwebchannel.js; anything else is "not found". Never reaches the network.
class CallSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;
    void requestStarted(QWebEngineUrlRequestJob *job) override;
};

// The web page of a call: its own off-the-record profile (nothing written to disk), permission for
// camera, microphone and screen only for the call page's origin, no navigation anywhere else, no
// new windows.
class CallPage : public QWebEnginePage
{
    Q_OBJECT

public:
    explicit CallPage(QObject *parent = nullptr);
    [[nodiscard]] static QUrl pageUrl();

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int lineNumber,
                                  const QString &sourceId) override;

private:
    void onPermission(const QUrl &origin, Feature feature);
};

} // namespace Lotse::Ui
