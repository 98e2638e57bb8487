#pragma once

namespace Lotse::Server {

// Everything lotse-server's main() does: parse the command line, check crypto, open and migrate
// the store, then either run an admin command or serve HTTP until SIGINT/SIGTERM.
int runServerApp(int argc, char **argv);

} // namespace Lotse::Server
