#pragma once

#include <QString>

namespace Lotse::Server::CallAddresses {

// The network part of an IP address, as retention keeps it (API.md "Retention"): IPv4 cut to its
// /24 (203.0.113.77 → 203.0.113.0), IPv6 to its /48 (2001:db8:1:2::5 → 2001:db8:1::). An input
// that is no address gives "" (nothing is kept of it).
[[nodiscard]] QString anonymise(const QString &address);

} // namespace Lotse::Server::CallAddresses
