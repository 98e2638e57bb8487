#include "server-stub/CallAddresses.h"

#include <QHostAddress>

namespace Lotse::Server::CallAddresses {

QString anonymise(const QString &address)
{
    const QHostAddress parsed(address);
    if (parsed.isNull())
        return {};
    bool mapped = false;
    const quint32 ipv4 = parsed.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(ipv4 & 0xffffff00u).toString();
    Q_IPV6ADDR ipv6 = parsed.toIPv6Address();
    for (int i = 6; i < 16; ++i)
        ipv6[i] = 0;
    return QHostAddress(ipv6).toString();
}

} // namespace Lotse::Server::CallAddresses
