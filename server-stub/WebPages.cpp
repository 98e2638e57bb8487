#include "server-stub/WebPages.h"

#include "server-stub/JsonLog.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>

#include <algorithm>
#include <zlib.h>

using namespace Qt::StringLiterals;

// Resources of a static library need an explicit init, outside any namespace.
static void initWebResources()
{
    Q_INIT_RESOURCE(web);
    Q_INIT_RESOURCE(web_vendor);
}

namespace Lotse::Server {

namespace {

constexpr auto resourceRoot = ":/web/"_L1;
constexpr qsizetype minimumGzipSize = 512;

QByteArray contentTypeFor(const QString &path)
{
    if (path.endsWith(".mjs"_L1) || path.endsWith(".js"_L1))
        return "text/javascript; charset=utf-8";
    if (path.endsWith(".css"_L1))
        return "text/css; charset=utf-8";
    if (path.endsWith(".json"_L1))
        return "application/json; charset=utf-8";
    if (path.endsWith(".html"_L1))
        return "text/html; charset=utf-8";
    if (path.endsWith(".svg"_L1))
        return "image/svg+xml";
    return "application/octet-stream";
}

// gzip (RFC 1952) through zlib's deflate with a gzip wrapper; empty on failure.
QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const auto written = static_cast<qsizetype>(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

bool acceptsGzip(const QByteArray &acceptEncoding)
{
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        if (parts.first().trimmed().toLower() != "gzip")
            continue;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed();
            if (parameter.startsWith("q=") && parameter.mid(2).toDouble() <= 0.0)
                return false;
        }
        return true;
    }
    return false;
}

QByteArray newNonce()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof words)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Response notFound()
{
    return Response::error(404, u"not_found"_s, u"There is nothing at this address."_s);
}

} // namespace

WebPages::WebPages(bool servesTls)
    : m_servesTls(servesTls)
{
    initWebResources();
    QStringList paths;
    QDirIterator it(resourceRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    std::sort(paths.begin(), paths.end());

    QCryptographicHash hash(QCryptographicHash::Sha256);
    QHash<QString, QByteArray> templates;
    for (const QString &path : std::as_const(paths)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            JsonLog::error(u"web_resource_unreadable"_s, {{u"path"_s, path}});
            continue;
        }
        const QByteArray body = file.readAll();
        const QString relative = path.mid(resourceRoot.size());
        hash.addData(relative.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(body);
        if (relative.startsWith("pages/"_L1)) {
            templates.insert(relative.mid(6).chopped(5), body); // "pages/book.html" → "book"
            continue;
        }
        Asset asset{contentTypeFor(relative), body, {}};
        if (body.size() >= minimumGzipSize && !asset.contentType.startsWith("image/")) {
            const QByteArray compressed = gzip(body);
            if (!compressed.isEmpty() && compressed.size() < body.size())
                asset.gzipped = compressed;
        }
        m_assets.insert(relative, asset);
    }
    m_prefix = u"/static/"_s + QString::fromLatin1(hash.result().toHex().left(16));

    const QByteArray prefix = m_prefix.toUtf8();
    const QByteArray importMap =
        R"({"imports":{"libsodium-wrappers":"@P@/npm/libsodium-wrappers/libsodium-wrappers.mjs",)"
        R"("libsodium":"@P@/npm/libsodium/libsodium.mjs","altcha":"@P@/npm/altcha/altcha.js",)"
        R"("lotse-crypto/":"@P@/crypto/"}})";
    for (auto i = templates.cbegin(); i != templates.cend(); ++i) {
        QByteArray html = i.value();
        html.replace("@IMPORTMAP@", QByteArray(importMap).replace("@P@", prefix));
        html.replace("@STATIC@", prefix);
        m_pages.insert(i.key(), html);
    }
}

bool WebPages::handles(const QString &path)
{
    return path == "/manage"_L1 || path == "/room"_L1 || path == "/call"_L1 || path.startsWith("/book/"_L1) ||
           path.startsWith("/privacy/"_L1) || path.startsWith("/talk/"_L1) || path.startsWith("/static/"_L1);
}

Response WebPages::handle(const Request &request) const
{
    Response response;
    if (request.method != "GET" && request.method != "HEAD") {
        response = Response::error(405, u"method_not_allowed"_s, u"This address does not accept that method."_s);
        response.setHeader("Allow", "GET, HEAD");
    } else if (request.path == "/manage"_L1 || request.path == "/room"_L1) {
        response = page(request.path.mid(1));
    } else if (request.path == "/call"_L1) {
        response = page(u"call"_s);
        // The call page alone may use the camera, the microphone, screen sharing and autoplay.
        response.setHeader("Permissions-Policy",
                           "accelerometer=(), autoplay=(self), camera=(self), display-capture=(self), "
                           "geolocation=(), gyroscope=(), magnetometer=(), microphone=(self), "
                           "payment=(), usb=()");
    } else if (const QStringList segments = request.path.split(u'/');
               segments.size() == 3 && !segments.at(2).isEmpty() &&
               (segments.at(1) == "book"_L1 || segments.at(1) == "privacy"_L1 || segments.at(1) == "talk"_L1)) {
        response = page(segments.at(1));
    } else if (request.path.startsWith(m_prefix + u'/')) {
        response = asset(request.path.mid(m_prefix.size() + 1), request);
    } else {
        response = notFound();
    }
    addCommonHeaders(response);
    JsonLog::info(u"http_request"_s, {{u"method"_s, QString::fromLatin1(request.method)},
                                      {u"path"_s, request.path.left(2048)},
                                      {u"status"_s, response.status},
                                      {u"bytes"_s, response.body.size()}});
    return response;
}

Response WebPages::page(const QString &name) const
{
    const auto it = m_pages.constFind(name);
    if (it == m_pages.cend())
        return notFound();
    const QByteArray nonce = newNonce();
    Response response;
    response.contentType = "text/html; charset=utf-8";
    response.body = QByteArray(it.value()).replace("@NONCE@", nonce);
    // 'self' for the page's own modules (static and dynamic imports, the ALTCHA worker); the nonce
    // for the inline import map; WebAssembly compilation for libsodium; blob: images for the room's
    // previews of files decrypted in the browser (object URLs of local bytes, never a server URL).
    response.setHeader("Content-Security-Policy",
                       "default-src 'none'; script-src 'self' 'nonce-" + nonce +
                           "' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
                           "worker-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    response.setHeader("Cache-Control", "no-store");
    return response;
}

Response WebPages::asset(const QString &path, const Request &request) const
{
    const auto it = m_assets.constFind(path);
    if (it == m_assets.cend())
        return notFound();
    Response response;
    response.contentType = it->contentType;
    if (!it->gzipped.isEmpty()) {
        response.setHeader("Vary", "Accept-Encoding");
        if (acceptsGzip(request.header("accept-encoding"))) {
            response.body = it->gzipped;
            response.setHeader("Content-Encoding", "gzip");
        } else {
            response.body = it->body;
        }
    } else {
        response.body = it->body;
    }
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    // A worker runs under the policy of its own script: a module worker may import our modules.
    response.setHeader("Content-Security-Policy", path.endsWith("-worker.mjs"_L1)
                                                      ? "default-src 'none'; script-src 'self'; frame-ancestors 'none'"
                                                      : "default-src 'none'; frame-ancestors 'none'");
    return response;
}

void WebPages::addCommonHeaders(Response &response) const
{
    if (response.header("Cache-Control").isEmpty())
        response.setHeader("Cache-Control", "no-store");
    if (response.header("Content-Security-Policy").isEmpty())
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    if (response.header("Permissions-Policy").isEmpty())
        response.setHeader("Permissions-Policy", "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
                                                 "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
                                                 "payment=(), usb=()");
    if (m_servesTls)
        response.setHeader("Strict-Transport-Security", "max-age=31536000");
}

} // namespace Lotse::Server
