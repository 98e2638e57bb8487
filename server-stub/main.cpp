#include "server-stub/ServerApp.h"

int main(int argc, char **argv)
{
    return Lotse::Server::runServerApp(argc, argv);
}
