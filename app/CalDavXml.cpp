#include "app/CalDavXml.h"

#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace Lotse::Client::CalDavXml {

namespace {

int statusCode(const QString &statusLine)
{
    // "HTTP/1.1 200 OK"
    const QStringList parts = statusLine.trimmed().split(u' ');
    return parts.size() >= 2 ? parts.at(1).toInt() : 0;
}

} // namespace

std::optional<Multistatus> parse(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    Multistatus result;
    bool sawMultistatus = false;
    QStringList path; // local names of the open elements
    Response response;
    Response propstat; // properties of the current propstat, kept when its status is 200
    int propstatStatus = 0;

    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const QString name = reader.name().toString();
            const QString parent = path.isEmpty() ? QString() : path.last();
            path.append(name);
            if (name == "multistatus"_L1 && path.size() == 1) {
                sawMultistatus = true;
            } else if (name == "response"_L1) {
                response = Response{};
            } else if (name == "propstat"_L1) {
                propstat = Response{};
                propstatStatus = 0;
            } else if (name == "calendar"_L1 && parent == "resourcetype"_L1) {
                propstat.isCalendar = true;
            } else if (name == "comp"_L1 && parent == "supported-calendar-component-set"_L1) {
                propstat.components.append(reader.attributes().value("name"_L1).toString());
            }
        } else if (reader.isCharacters() && !path.isEmpty()) {
            const QString &name = path.last();
            const qsizetype depth = path.size();
            const QString parent = depth >= 2 ? path.at(depth - 2) : QString();
            const QString text = reader.text().toString();
            if (name == "href"_L1 && parent == "response"_L1) {
                response.href += text;
            } else if (name == "status"_L1 && parent == "response"_L1) {
                response.status = statusCode(text);
            } else if (name == "status"_L1 && parent == "propstat"_L1) {
                propstatStatus = statusCode(text);
            } else if (name == "sync-token"_L1 && parent == "multistatus"_L1) {
                result.syncToken += text;
            } else if (name == "href"_L1 && depth >= 3 && path.at(depth - 3) == "prop"_L1) {
                propstat.hrefs[parent] += text;
            } else if (depth >= 2 && parent == "prop"_L1) {
                propstat.props[name] += text;
            }
        } else if (reader.isEndElement()) {
            const QString name = path.isEmpty() ? QString() : path.takeLast();
            if (name == "propstat"_L1 && propstatStatus == 200) {
                response.props.insert(propstat.props);
                response.hrefs.insert(propstat.hrefs);
                response.isCalendar = response.isCalendar || propstat.isCalendar;
                response.components += propstat.components;
            } else if (name == "response"_L1) {
                response.href = response.href.trimmed();
                for (auto it = response.hrefs.begin(); it != response.hrefs.end(); ++it) {
                    *it = it->trimmed();
                }
                result.responses.append(response);
            }
        }
    }
    if (reader.hasError() || !sawMultistatus) {
        return std::nullopt;
    }
    result.syncToken = result.syncToken.trimmed();
    return result;
}

} // namespace Lotse::Client::CalDavXml
