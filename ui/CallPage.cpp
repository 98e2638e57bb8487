#include "ui/CallPage.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

Q_LOGGING_CATEGORY(callPageLog, "lotse.call.page")

constexpr char PageHost[] = "app";

bool isCallOrigin(const QUrl &url)
{
    return url.scheme() == QLatin1StringView(CallScheme) && url.host() == QLatin1StringView(PageHost);
}

QByteArray mimeOf(const QString &path)
{
    if (path.endsWith(".html"_L1))
        return "text/html";
    if (path.endsWith(".mjs"_L1) || path.endsWith(".js"_L1))
        return "text/javascript";
    if (path.endsWith(".css"_L1))
        return "text/css";
    if (path.endsWith(".json"_L1))
        return "application/json";
    return {};
}

// One off-the-record profile for every call window: no cache, cookies or storage on disk.
QWebEngineProfile *callProfile()
{
    static QWebEngineProfile *profile = [] {
        auto *created = new QWebEngineProfile(QCoreApplication::instance());
        created->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
        created->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
        created->setSpellCheckEnabled(false);
        created->installUrlSchemeHandler(CallScheme, new CallSchemeHandler(created));
        return created;
    }();
    return profile;
}

} // namespace

void registerCallScheme()
{
    QWebEngineUrlScheme scheme(CallScheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Secure: a secure context (getUserMedia, WebCrypto). Local: no web page may link to it.
    // CorsEnabled: module scripts and XMLHttpRequest may read it (same origin).
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme |
                    QWebEngineUrlScheme::CorsEnabled);
    QWebEngineUrlScheme::registerScheme(scheme);
}

void CallSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    if (job->requestMethod() != "GET" || !isCallOrigin(url)) {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    const QString path = url.path();
    QString resource;
    if (path == "/qwebchannel.js"_L1)
        resource = u":/qtwebchannel/qwebchannel.js"_s;
    else if (!path.contains(".."_L1) && path.startsWith(u'/'))
        resource = ":/lotse-call"_L1 + path;
    const QByteArray mime = mimeOf(path);
    QFile file(resource);
    if (resource.isEmpty() || mime.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    auto *buffer = new QBuffer(job);
    buffer->setData(file.readAll());
    buffer->open(QIODevice::ReadOnly);
    job->reply(mime, buffer);
}

CallPage::CallPage(QObject *parent)
    : QWebEnginePage(callProfile(), parent)
{
    // Off by default in Qt WebEngine: without it getDisplayMedia() fails before any permission request.
    settings()->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, true);
    connect(this, &QWebEnginePage::featurePermissionRequested, this, &CallPage::onPermission);
}

QUrl CallPage::pageUrl()
{
    return QUrl(u"%1://%2/call.html"_s.arg(QLatin1StringView(CallScheme), QLatin1StringView(PageHost)));
}

void CallPage::onPermission(const QUrl &origin, Feature feature)
{
    // Camera, microphone and the screen for our own page; nothing else, for nobody else.
    const bool media = feature == MediaAudioCapture || feature == MediaVideoCapture ||
                       feature == MediaAudioVideoCapture || feature == DesktopVideoCapture ||
                       feature == DesktopAudioVideoCapture;
    setFeaturePermission(origin, feature,
                         media && isCallOrigin(origin) ? PermissionGrantedByUser : PermissionDeniedByUser);
}

bool CallPage::acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame)
{
    return !isMainFrame || isCallOrigin(url);
}

QWebEnginePage *CallPage::createWindow(WebWindowType)
{
    return nullptr;
}

void CallPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int lineNumber,
                                        const QString &sourceId)
{
    // The page's own errors help when a call fails; they carry no keys or content.
    if (level == ErrorMessageLevel)
        qCWarning(callPageLog, "%s:%d: %s", qPrintable(sourceId), lineNumber, qPrintable(message));
    else
        qCDebug(callPageLog, "%s:%d: %s", qPrintable(sourceId), lineNumber, qPrintable(message));
}

} // namespace Lotse::Ui
