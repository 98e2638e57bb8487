#pragma once

#include "server-stub/Http.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Lotse::Server {

// The help-seeker pages (server-stub/web, compiled in as Qt resources): /book/{slug}, /manage,
// /room, /talk/{slug}, /privacy/{slug} and their modules under /static/<content hash>/. Pages get a fresh CSP nonce
// per response; static files are immutable under their hashed prefix and gzipped when accepted.
class WebPages
{
public:
    explicit WebPages(bool servesTls = false);

    [[nodiscard]] static bool handles(const QString &path);
    [[nodiscard]] Response handle(const Request &request) const;
    // "/static/<16 hex digits of the SHA-256 over every served file>"
    [[nodiscard]] QString staticPrefix() const { return m_prefix; }

private:
    struct Asset
    {
        QByteArray contentType;
        QByteArray body;
        QByteArray gzipped; // empty when gzip does not make it smaller
    };

    [[nodiscard]] Response page(const QString &name) const;
    [[nodiscard]] Response asset(const QString &path, const Request &request) const;
    void addCommonHeaders(Response &response) const;

    QHash<QString, Asset> m_assets;     // by path below the static prefix: "app/js/book.mjs"
    QHash<QString, QByteArray> m_pages; // "book" → HTML with the static prefix filled in
    QString m_prefix;
    bool m_servesTls = false;
};

} // namespace Lotse::Server
