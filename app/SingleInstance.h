#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace Lotse::Client {

// Keeps one Lotse per profile: the first start listens on a local socket; a later start finds it,
// asks it to come to the front, and quits.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &name, QObject *parent = nullptr);

    // True when another instance answered (and was asked to show itself); this one should exit.
    [[nodiscard]] bool activateRunningInstance();
    // Starts listening; false when the socket could not be created.
    bool listen();

Q_SIGNALS:
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace Lotse::Client
