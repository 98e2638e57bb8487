<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Lotse::Client::ApiError</name>
    <message>
        <source>The server could not be reached. Please check the server address and your internet connection.</source>
        <translation>Der Server ist nicht erreichbar. Bitte prüfen Sie die Serveradresse und Ihre Internetverbindung.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established. Please check the server address or ask your administrator.</source>
        <translation>Es konnte keine sichere Verbindung zum Server hergestellt werden. Bitte prüfen Sie die Serveradresse oder fragen Sie Ihre Administration.</translation>
    </message>
    <message>
        <source>The server address is not valid. It should look like https://beratung.example.org.</source>
        <translation>Die Serveradresse ist ungültig. Sie sollte so aussehen: https://beratung.example.org.</translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation>Benutzername oder Passwort ist nicht richtig.</translation>
    </message>
    <message>
        <source>Please enter the six-digit security code from your authenticator app.</source>
        <translation>Bitte geben Sie den sechsstelligen Sicherheitscode aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>The security code is not correct or has expired. Please enter the current code.</source>
        <translation>Der Sicherheitscode ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code ein.</translation>
    </message>
    <message>
        <source>This account has been disabled. Please contact your organisation&apos;s administrator.</source>
        <translation>Dieses Konto wurde deaktiviert. Bitte wenden Sie sich an die Administration Ihrer Organisation.</translation>
    </message>
    <message numerus="yes">
        <source>Too many sign-in attempts. Please try again in %n minute(s).</source>
        <translation>
            <numerusform>Zu viele Anmeldeversuche. Bitte versuchen Sie es in %n Minute erneut.</numerusform>
            <numerusform>Zu viele Anmeldeversuche. Bitte versuchen Sie es in %n Minuten erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are no longer signed in. Please sign in again.</source>
        <translation>Sie sind nicht mehr angemeldet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This device&apos;s keys are already registered to another advisor. Please contact your administrator.</source>
        <translation>Die Schlüssel dieses Geräts sind bereits für eine andere Beratungsperson registriert. Bitte wenden Sie sich an Ihre Administration.</translation>
    </message>
    <message>
        <source>The server gave an answer Lotse does not understand. Is this the right server address?</source>
        <translation>Der Server hat eine Antwort geschickt, die Lotse nicht versteht. Ist das die richtige Serveradresse?</translation>
    </message>
    <message>
        <source>The server has a problem right now (error %1). Please try again later.</source>
        <translation>Der Server hat gerade ein Problem (Fehler %1). Bitte versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server refused the request (error %1).</source>
        <translation>Der Server hat die Anfrage abgelehnt (Fehler %1).</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::BusySync</name>
    <message>
        <source>Lotse could not send your busy times to its server: %1</source>
        <translation>Lotse konnte Ihre belegten Zeiten nicht an seinen Server senden: %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::BusyUploader</name>
    <message>
        <source>Your booking page could not be updated with the busy times of your imported calendars: %1</source>
        <translation>Ihre Buchungsseite konnte nicht mit den belegten Zeiten Ihrer importierten Kalender aktualisiert werden: %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalDavAccount</name>
    <message>
        <source>Please enter the address of your calendar server, for example https://calendar.example.org/.</source>
        <translation>Bitte geben Sie die Adresse Ihres Kalenderservers ein, zum Beispiel https://calendar.example.org/.</translation>
    </message>
    <message>
        <source>Please enter the user name and password of your calendar account.</source>
        <translation>Bitte geben Sie Benutzernamen und Passwort Ihres Kalenderkontos ein.</translation>
    </message>
    <message>
        <source>Please sign in first: the calendar password is kept with your sign-in.</source>
        <translation>Bitte melden Sie sich zuerst an: Das Kalenderpasswort wird zusammen mit Ihrer Anmeldung gespeichert.</translation>
    </message>
    <message>
        <source>The account has no calendar for appointments.</source>
        <translation>Das Konto hat keinen Kalender für Termine.</translation>
    </message>
    <message>
        <source>No calendar account is set up.</source>
        <translation>Es ist kein Kalenderkonto eingerichtet.</translation>
    </message>
    <message>
        <source>The calendar password is missing. Please remove the account and add it again.</source>
        <translation>Das Kalenderpasswort fehlt. Bitte entfernen Sie das Konto und fügen Sie es erneut hinzu.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalDavError</name>
    <message>
        <source>The calendar server did not accept the user name or password.</source>
        <translation>Der Kalenderserver hat Benutzernamen oder Passwort nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The calendar server could not be reached. Please check your connection; Lotse will try again.</source>
        <translation>Der Kalenderserver ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung; Lotse versucht es erneut.</translation>
    </message>
    <message>
        <source>No server was found at this address. Please check the address.</source>
        <translation>Unter dieser Adresse wurde kein Server gefunden. Bitte prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>The secure connection to the calendar server failed: its certificate is not valid or not trusted.</source>
        <translation>Die sichere Verbindung zum Kalenderserver ist fehlgeschlagen: Sein Zertifikat ist ungültig oder nicht vertrauenswürdig.</translation>
    </message>
    <message>
        <source>The server at this address does not answer like a CalDAV calendar server.</source>
        <translation>Der Server unter dieser Adresse antwortet nicht wie ein CalDAV-Kalenderserver.</translation>
    </message>
    <message>
        <source>The event was changed in your calendar at the same time. Lotse will try again.</source>
        <translation>Der Termin wurde gleichzeitig in Ihrem Kalender geändert. Lotse versucht es erneut.</translation>
    </message>
    <message>
        <source>The calendar or event no longer exists on the calendar server.</source>
        <translation>Der Kalender oder Termin existiert auf dem Kalenderserver nicht mehr.</translation>
    </message>
    <message>
        <source>The calendar server reported a problem (%1). Lotse will try again later.</source>
        <translation>Der Kalenderserver hat ein Problem gemeldet (%1). Lotse versucht es später erneut.</translation>
    </message>
    <message>
        <source>The address must start with https://, so that your password is never sent readable.</source>
        <translation>Die Adresse muss mit https:// beginnen, damit Ihr Passwort nie lesbar übertragen wird.</translation>
    </message>
    <message>
        <source>The calendar server refused the request (%1).</source>
        <translation>Der Kalenderserver hat die Anfrage abgelehnt (%1).</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalendarPublisher</name>
    <message>
        <source>Counselling (phone)</source>
        <translation>Beratung (Telefon)</translation>
    </message>
    <message>
        <source>Counselling (on site)</source>
        <translation>Beratung (vor Ort)</translation>
    </message>
    <message>
        <source>Counselling (video)</source>
        <translation>Beratung (Video)</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalendarService</name>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(ohne Titel)</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CallBridge</name>
    <message>
        <source>Help-seeker</source>
        <translation>Ratsuchende Person</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Dolmetscher/in</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>The conversation&apos;s key is not ready yet. Please try again in a moment.</source>
        <translation>Der Schlüssel für dieses Gespräch ist noch nicht bereit. Bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::DeviceKeyStore</name>
    <message>
        <source>the stored device keys are damaged</source>
        <translation>die gespeicherten Geräteschlüssel sind beschädigt</translation>
    </message>
    <message>
        <source>the new device keys could not be read back</source>
        <translation>die neuen Geräteschlüssel konnten nicht wieder gelesen werden</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::IcsExport</name>
    <message>
        <source>Counselling (phone)</source>
        <translation>Beratung (Telefon)</translation>
    </message>
    <message>
        <source>Counselling (on site)</source>
        <translation>Beratung (vor Ort)</translation>
    </message>
    <message>
        <source>Counselling (video)</source>
        <translation>Beratung (Video)</translation>
    </message>
    <message>
        <source>Counselling</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>summary: help-seeker&apos;s name</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>„%1“ konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::ImportedCalendars</name>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file is saved as UTF-16 text; Lotse reads calendar files in UTF-8. Export the calendar again, or save the file as UTF-8.</source>
        <translation>Die Datei ist als UTF-16-Text gespeichert; Lotse liest Kalenderdateien in UTF-8. Exportieren Sie den Kalender erneut oder speichern Sie die Datei als UTF-8.</translation>
    </message>
    <message>
        <source>This is not an iCalendar file (.ics): it holds binary data.</source>
        <translation>Das ist keine iCalendar-Datei (.ics): Sie enthält Binärdaten.</translation>
    </message>
    <message>
        <source>This is not an iCalendar file (.ics): it is not UTF-8 text.</source>
        <translation>Das ist keine iCalendar-Datei (.ics): Sie ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <source>This is a web page (HTML), not an iCalendar file. If it came from a calendar service, use its “Export” or “iCal” link instead.</source>
        <translation>Das ist eine Webseite (HTML), keine iCalendar-Datei. Wenn sie von einem Kalenderdienst stammt, verwenden Sie stattdessen dessen Link „Exportieren“ oder „iCal“.</translation>
    </message>
    <message>
        <source>This is not an iCalendar file (.ics): it does not begin with BEGIN:VCALENDAR.</source>
        <translation>Das ist keine iCalendar-Datei (.ics): Sie beginnt nicht mit BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>The file is damaged: line %1 comes after the end of the calendar.</source>
        <translation>Die Datei ist beschädigt: Zeile %1 steht nach dem Ende des Kalenders.</translation>
    </message>
    <message>
        <source>The file is damaged: line %1 ends %2, but %3 is open.</source>
        <translation>Die Datei ist beschädigt: Zeile %1 beendet %2, aber %3 ist geöffnet.</translation>
    </message>
    <message>
        <source>The file is incomplete: it ends inside %1 (opened on line %2). It was probably cut off while downloading or copying.</source>
        <translation>Die Datei ist unvollständig: Sie endet innerhalb von %1 (geöffnet in Zeile %2). Vermutlich wurde sie beim Herunterladen oder Kopieren abgeschnitten.</translation>
    </message>
    <message>
        <source>The file is larger than 5 MB. Lotse imports calendar files up to 5 MB.</source>
        <translation>Die Datei ist größer als 5 MB. Lotse importiert Kalenderdateien bis 5 MB.</translation>
    </message>
    <message>
        <source>The file could not be read as a calendar.</source>
        <translation>Die Datei konnte nicht als Kalender gelesen werden.</translation>
    </message>
    <message>
        <source>no valid start time</source>
        <translation>keine gültige Anfangszeit</translation>
    </message>
    <message>
        <source>ends before it begins</source>
        <translation>endet, bevor er beginnt</translation>
    </message>
    <message>
        <source>repeats more often than every hour</source>
        <translation>wiederholt sich öfter als stündlich</translation>
    </message>
    <message>
        <source>The file holds no events.</source>
        <translation>Die Datei enthält keine Termine.</translation>
    </message>
    <message>
        <source>No event in the file could be read: %1</source>
        <translation>Kein Termin in der Datei konnte gelesen werden: %1</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>„%1“ ist keine Datei.</translation>
    </message>
    <message>
        <source>“%1” could not be opened: %2</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The folder for imported calendars could not be created: %1</source>
        <translation>Der Ordner für importierte Kalender konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The imported calendar could not be saved: %1</source>
        <translation>Der importierte Kalender konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>This imported calendar no longer exists.</source>
        <translation>Diesen importierten Kalender gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The imported calendar could not be removed from %1.</source>
        <translation>Der importierte Kalender konnte nicht aus %1 entfernt werden.</translation>
    </message>
    <message>
        <source>The choice could not be saved: %1</source>
        <translation>Die Auswahl konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1: the calendar file is missing.</source>
        <translation>%1: Die Kalenderdatei fehlt.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Termin</numerusform>
            <numerusform>%n Termine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recurring</source>
        <translation>
            <numerusform>%n wiederkehrend</numerusform>
            <numerusform>%n wiederkehrend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n ausgelassen</numerusform>
            <numerusform>%n ausgelassen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lotse::Client::InstantQueue</name>
    <message>
        <source>Not connected.</source>
        <translation>Keine Verbindung.</translation>
    </message>
    <message>
        <source>A colleague has already taken this call. It is no longer in the queue.</source>
        <translation>Eine Kollegin oder ein Kollege hat dieses Gespräch bereits übernommen. Es ist nicht mehr in der Warteschlange.</translation>
    </message>
    <message>
        <source>This person is no longer waiting.</source>
        <translation>Diese Person wartet nicht mehr.</translation>
    </message>
    <message>
        <source>Nobody is waiting right now.</source>
        <translation>Gerade wartet niemand.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::KeyFile</name>
    <message>
        <source>not enough memory to protect the keys</source>
        <translation>nicht genug Arbeitsspeicher, um die Schlüssel zu schützen</translation>
    </message>
    <message>
        <source>not enough memory to open the keys</source>
        <translation>nicht genug Arbeitsspeicher, um die Schlüssel zu öffnen</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::LocalStore</name>
    <message>
        <source>it was written with another key</source>
        <translation>er wurde mit einem anderen Schlüssel geschrieben</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>die Datei ist beschädigt</translation>
    </message>
    <message>
        <source>the file is not a Lotse offline copy</source>
        <translation>die Datei ist keine Offline-Kopie von Lotse</translation>
    </message>
    <message>
        <source>it comes from another version of Lotse</source>
        <translation>sie stammt aus einer anderen Version von Lotse</translation>
    </message>
    <message>
        <source>The offline copy of your requests could not be opened (%1). Lotse starts a new one and fetches everything from the server again.</source>
        <extracomment>%1 why (e.g. &quot;the file is damaged&quot;)</extracomment>
        <translation>Die Offline-Kopie Ihrer Anfragen konnte nicht geöffnet werden (%1). Lotse legt eine neue an und lädt alles erneut vom Server.</translation>
    </message>
    <message>
        <source>Changes you made offline that were not sent yet could not be read. The old copy is kept at %1.</source>
        <translation>Änderungen, die Sie offline gemacht und noch nicht gesendet haben, konnten nicht gelesen werden. Die alte Kopie liegt unter %1.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RequestsModel</name>
    <message>
        <source>Sealed to another device</source>
        <translation>Für ein anderes Gerät verschlüsselt</translation>
    </message>
    <message>
        <source>Could not be decrypted</source>
        <translation>Nicht entschlüsselbar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>Wartet auf Sie</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Other time proposed</source>
        <translation>Anderer Termin vorgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>ddd, d MMM yyyy</source>
        <extracomment>Date format of the requests list (QDateTime format: ddd = short weekday, MMM = short month)</extracomment>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>Received %1, %2</source>
        <translation>Eingegangen %1, %2</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>%1 (%2 for them, %3)</source>
        <extracomment>%1 the appointment in the advisor&apos;s time, %2 the start in the help-seeker&apos;s time, %3 their zone</extracomment>
        <translation>%1 (%2 bei der Person, %3)</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RequestsService</name>
    <message>
        <source>Lotse could not keep a copy of your requests on this computer.</source>
        <translation>Lotse konnte auf diesem Computer keine Kopie Ihrer Anfragen anlegen.</translation>
    </message>
    <message>
        <source>The change could not be stored on this computer, so it was not made.</source>
        <translation>Die Änderung konnte auf diesem Computer nicht gespeichert werden und wurde deshalb nicht vorgenommen.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RoomFiles</name>
    <message>
        <source>The file %1 could not be read.</source>
        <translation>Die Datei %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file %1 is too large (at most %2 MB).</source>
        <translation>Die Datei %1 ist zu groß (höchstens %2 MB).</translation>
    </message>
    <message>
        <source>The file could not be encrypted.</source>
        <translation>Die Datei konnte nicht verschlüsselt werden.</translation>
    </message>
    <message>
        <source>The file is too large for the server.</source>
        <translation>Die Datei ist zu groß für den Server.</translation>
    </message>
    <message>
        <source>This file is not part of the conversation.</source>
        <translation>Diese Datei gehört nicht zu diesem Gespräch.</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The file could not be decrypted: it is damaged or was changed. Nothing was saved.</source>
        <translation>Die Datei konnte nicht entschlüsselt werden: Sie ist beschädigt oder wurde verändert. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation>Die Datei konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RoomService</name>
    <message>
        <source>The conversation&apos;s key could not be set up. Please try again later.</source>
        <translation>Der Schlüssel für dieses Gespräch konnte nicht eingerichtet werden. Bitte versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Die Nachricht ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>The message is too long (at most %n characters).</source>
        <translation>
            <numerusform>Die Nachricht ist zu lang (höchstens %n Zeichen).</numerusform>
            <numerusform>Die Nachricht ist zu lang (höchstens %n Zeichen).</numerusform>
        </translation>
    </message>
    <message>
        <source>This conversation is not available.</source>
        <translation>Dieses Gespräch ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The security keys in this conversation changed. Confirm the change before sending.</source>
        <translation>Die Sicherheitsschlüssel in diesem Gespräch haben sich geändert. Bestätigen Sie die Änderung, bevor Sie senden.</translation>
    </message>
    <message>
        <source>The conversation is still being set up. Please wait a moment.</source>
        <translation>Das Gespräch wird noch eingerichtet. Bitte warten Sie einen Moment.</translation>
    </message>
    <message>
        <source>The message could not be encrypted.</source>
        <translation>Die Nachricht konnte nicht verschlüsselt werden.</translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation>Keine Verbindung zum Server.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::SecretStatus</name>
    <message>
        <source>No saved sign-in was found on this computer.</source>
        <translation>Auf diesem Computer wurde keine gespeicherte Anmeldung gefunden.</translation>
    </message>
    <message>
        <source>Lotse could not find a keychain on this computer, so it cannot store your keys there safely.</source>
        <translation>Lotse hat auf diesem Computer keinen Schlüsselbund gefunden und kann Ihre Schlüssel dort daher nicht sicher ablegen.</translation>
    </message>
    <message>
        <source>The keychain is locked or access to it was refused. Please unlock your keychain and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt oder der Zugriff wurde verweigert. Bitte entsperren Sie Ihren Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>Die Passphrase ist nicht richtig.</translation>
    </message>
    <message>
        <source>The key file is damaged or was changed, so Lotse cannot open it.</source>
        <translation>Die Schlüsseldatei ist beschädigt oder wurde verändert, deshalb kann Lotse sie nicht öffnen.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet: %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::Session</name>
    <message>
        <source>Please enter your user name and password.</source>
        <translation>Bitte geben Sie Benutzernamen und Passwort ein.</translation>
    </message>
    <message>
        <source>Lotse on %1</source>
        <translation>Lotse auf %1</translation>
    </message>
    <message>
        <source>This device could not be registered with the server. %1</source>
        <translation>Dieses Gerät konnte nicht beim Server registriert werden. %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::SyncEngine</name>
    <message>
        <source>The change could not be stored on this computer.</source>
        <translation>Die Änderung konnte auf diesem Computer nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The offline copy on this computer could not be updated.</source>
        <translation>Die Offline-Kopie auf diesem Computer konnte nicht aktualisiert werden.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::AvailabilityPage</name>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Wochenzeiten</translation>
    </message>
    <message>
        <source>Drag over the grid to mark when people can book you; drag over marked time to clear it. Keyboard: arrows move, Shift+arrows select, Space marks or clears.</source>
        <translation>Ziehen Sie über das Raster, um Zeiten zu markieren, in denen man Sie buchen kann; ziehen Sie über markierte Zeit, um sie zu entfernen. Tastatur: Pfeiltasten bewegen, Umschalt+Pfeile wählen aus, Leertaste markiert oder entfernt.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Appointment types and durations</source>
        <translation>Terminarten und Dauer</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Videogespräch</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefongespräch</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>Vor Ort</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Booking rules</source>
        <translation>Buchungsregeln</translation>
    </message>
    <message>
        <source>Free time before:</source>
        <translation>Pause davor:</translation>
    </message>
    <message>
        <source>Free time after:</source>
        <translation>Pause danach:</translation>
    </message>
    <message>
        <source>Book at least:</source>
        <translation>Buchbar frühestens:</translation>
    </message>
    <message>
        <source> hours ahead</source>
        <translation> Stunden vorher</translation>
    </message>
    <message>
        <source>Book at most:</source>
        <translation>Buchbar höchstens:</translation>
    </message>
    <message>
        <source> days ahead</source>
        <translation> Tage im Voraus</translation>
    </message>
    <message>
        <source>Start times every:</source>
        <translation>Beginn alle:</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Abwesenheiten</translation>
    </message>
    <message>
        <source>Note, e.g. holiday (optional)</source>
        <translation>Notiz, z. B. Urlaub (freiwillig)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Confirm new bookings automatically</source>
        <translation>Neue Buchungen automatisch bestätigen</translation>
    </message>
    <message>
        <source>Applies to everyone in your organisation. When it is off, each booking waits in Requests until someone confirms it.</source>
        <translation>Gilt für alle in Ihrer Organisation. Ist es aus, wartet jede Buchung unter „Anfragen“, bis jemand sie bestätigt.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>No on-site locations yet. Your administrator adds them for the organisation.</source>
        <translation>Noch keine Orte für Termine vor Ort. Ihre Administration legt sie für die Organisation an.</translation>
    </message>
    <message>
        <source>Where you meet people on site:</source>
        <translation>Wo Sie Menschen vor Ort treffen:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Your availability could not be loaded. %1</source>
        <translation>Ihre Verfügbarkeit konnte nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>Nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not saved. Please correct the marked fields.</source>
        <translation>Nicht gespeichert. Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No absences planned.</source>
        <translation>Keine Abwesenheiten geplant.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarAgendaView</name>
    <message>
        <source>No appointments in these two weeks.</source>
        <translation>Keine Termine in diesen zwei Wochen.</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Ganztägig</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarAppointmentDialog</name>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Only you and your colleagues can read this note.</source>
        <translation>Nur Sie und Ihre Kolleginnen und Kollegen können diese Notiz lesen.</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Notiz speichern</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <source>Cancel appointment…</source>
        <translation>Termin absagen…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Private Notiz</translation>
    </message>
    <message>
        <source>Encrypted on this device for the advisors of your organisation. The help-seeker never sees it, and the server cannot read it.</source>
        <translation>Auf diesem Gerät für die Beraterinnen und Berater Ihrer Organisation verschlüsselt. Die ratsuchende Person sieht sie nie, und der Server kann sie nicht lesen.</translation>
    </message>
    <message>
        <source>The note is too long (at most %1 characters).</source>
        <translation>Die Notiz ist zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>This appointment no longer exists.</source>
        <translation>Diesen Termin gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>(kein Name angegeben)</translation>
    </message>
    <message>
        <source>Encrypted request</source>
        <translation>Verschlüsselte Anfrage</translation>
    </message>
    <message>
        <source>Phone appointment</source>
        <translation>Telefontermin</translation>
    </message>
    <message>
        <source>Appointment on site</source>
        <translation>Termin vor Ort</translation>
    </message>
    <message>
        <source>Video appointment</source>
        <translation>Videotermin</translation>
    </message>
    <message>
        <source>You proposed %1, %2–%3 instead; waiting for their answer.</source>
        <extracomment>%1 date, %2 start time, %3 end time of the time the advisor proposed</extracomment>
        <translation>Sie haben stattdessen %1, %2–%3 vorgeschlagen; die Antwort steht noch aus.</translation>
    </message>
    <message>
        <source>The personal details were encrypted for other devices of your organisation, not for this one.</source>
        <translation>Die persönlichen Angaben wurden für andere Geräte Ihrer Organisation verschlüsselt, nicht für dieses.</translation>
    </message>
    <message>
        <source>The personal details could not be decrypted: the data is damaged or was changed.</source>
        <translation>Die persönlichen Angaben konnten nicht entschlüsselt werden: Die Daten sind beschädigt oder wurden verändert.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>(no number given)</source>
        <translation>(keine Nummer angegeben)</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Wo:</translation>
    </message>
    <message>
        <source>(location unknown)</source>
        <translation>(Ort unbekannt)</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>Video:</translation>
    </message>
    <message>
        <source>A video call in Lotse; the help-seeker joins from the link in their e-mail.</source>
        <translation>Ein Videogespräch in Lotse; die ratsuchende Person kommt über den Link in ihrer E-Mail dazu.</translation>
    </message>
    <message>
        <source>The note was encrypted for other devices and cannot be shown here.</source>
        <translation>Die Notiz wurde für andere Geräte verschlüsselt und kann hier nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: this device is not registered with your organisation.</source>
        <translation>Nicht gespeichert: Dieses Gerät ist bei Ihrer Organisation nicht registriert.</translation>
    </message>
    <message>
        <source>Not saved: the note is too long (at most %1 characters).</source>
        <translation>Nicht gespeichert: Die Notiz ist zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>Not saved: the note could not be encrypted.</source>
        <translation>Nicht gespeichert: Die Notiz konnte nicht verschlüsselt werden.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Gespräch öffnen</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarCancelDialog</name>
    <message>
        <source>Cancel the appointment</source>
        <translation>Termin absagen</translation>
    </message>
    <message>
        <source>The help-seeker gets an e-mail that the appointment is cancelled. You can add a reason (optional).</source>
        <translation>Die ratsuchende Person erhält eine E-Mail, dass der Termin abgesagt ist. Sie können einen Grund angeben (freiwillig).</translation>
    </message>
    <message>
        <source>%1 gets an e-mail that the appointment is cancelled. You can add a reason (optional).</source>
        <translation>%1 erhält eine E-Mail, dass der Termin abgesagt ist. Sie können einen Grund angeben (freiwillig).</translation>
    </message>
    <message>
        <source>For example: I am ill. Please book a new appointment.</source>
        <translation>Zum Beispiel: Ich bin krank. Bitte buchen Sie einen neuen Termin.</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Termin absagen</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Beibehalten</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarDayWeekView</name>
    <message>
        <source>Proposed: %1</source>
        <translation>Vorgeschlagen: %1</translation>
    </message>
    <message>
        <source>Their time: %1</source>
        <translation>Ortszeit der Person: %1</translation>
    </message>
    <message>
        <source>Proposed instead: %1, %2 (waiting for an answer)</source>
        <translation>Stattdessen vorgeschlagen: %1, %2 (Antwort steht aus)</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarExportDialog</name>
    <message>
        <source>Export appointments</source>
        <translation>Termine exportieren</translation>
    </message>
    <message>
        <source>Lotse writes the appointments of these days into an iCalendar file (.ics) that other calendar apps can open.</source>
        <translation>Lotse schreibt die Termine dieser Tage in eine iCalendar-Datei (.ics), die andere Kalender-Apps öffnen können.</translation>
    </message>
    <message>
        <source>Include help-seekers&apos; names</source>
        <translation>Namen der Ratsuchenden aufnehmen</translation>
    </message>
    <message>
        <source>By default the file holds no personal data of help-seekers: only the time and type of each appointment. Include names only in a file that stays on your own device: outside Lotse they are no longer encrypted.</source>
        <translation>Standardmäßig enthält die Datei keine persönlichen Daten von Ratsuchenden, nur Zeit und Art jedes Termins. Nehmen Sie Namen nur in eine Datei auf, die auf Ihrem eigenen Gerät bleibt: Außerhalb von Lotse sind sie nicht mehr verschlüsselt.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To (inclusive):</source>
        <translation>Bis (einschließlich):</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarFilesButton</name>
    <message>
        <source>Import/Export</source>
        <translation>Importieren/Exportieren</translation>
    </message>
    <message>
        <source>Import a calendar file (.ics) or export your appointments</source>
        <translation>Eine Kalenderdatei (.ics) importieren oder Ihre Termine exportieren</translation>
    </message>
    <message>
        <source>Import calendar file…</source>
        <translation>Kalenderdatei importieren…</translation>
    </message>
    <message>
        <source>Export appointments…</source>
        <translation>Termine exportieren…</translation>
    </message>
    <message>
        <source>Block times on the booking page</source>
        <translation>Zeiten auf der Buchungsseite sperren</translation>
    </message>
    <message>
        <source>When checked, help-seekers cannot book times when this calendar is busy. Only start and end times are sent to the server, no titles.</source>
        <translation>Wenn angehakt, können Ratsuchende keine Zeiten buchen, zu denen dieser Kalender belegt ist. Nur Anfangs- und Endzeiten gehen an den Server, keine Titel.</translation>
    </message>
    <message>
        <source>Remove imported calendar</source>
        <translation>Importierten Kalender entfernen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Import calendar file</source>
        <translation>Kalenderdatei importieren</translation>
    </message>
    <message>
        <source>Export appointments</source>
        <translation>Termine exportieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics *.ical)</source>
        <translation>iCalendar-Dateien (*.ics *.ical)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>“%1” was not imported. Nothing was changed.</source>
        <translation>„%1“ wurde nicht importiert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Calendar imported</source>
        <translation>Kalender importiert</translation>
    </message>
    <message>
        <source>“%1”: %2.</source>
        <translation>„%1“: %2.</translation>
    </message>
    <message>
        <source>The events appear in grey and cannot be changed here. They are kept on this device only and do not block times on your booking page unless you choose so under Import/Export › Block times on the booking page.</source>
        <translation>Die Termine erscheinen grau und können hier nicht geändert werden. Sie bleiben nur auf diesem Gerät und sperren keine Zeiten auf Ihrer Buchungsseite, außer Sie wählen das unter Import/Export › Zeiten auf der Buchungsseite sperren.</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Ausgelassen:</translation>
    </message>
    <message>
        <source>There are no appointments from %1 to %2. Nothing was exported.</source>
        <translation>Von %1 bis %2 gibt es keine Termine. Es wurde nichts exportiert.</translation>
    </message>
    <message>
        <source>The appointments were not exported.</source>
        <translation>Die Termine wurden nicht exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) exported to “%1”.</source>
        <translation>
            <numerusform>%n Termin nach „%1“ exportiert.</numerusform>
            <numerusform>%n Termine nach „%1“ exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Booking page not updated</source>
        <translation>Buchungsseite nicht aktualisiert</translation>
    </message>
    <message>
        <source>Your choice is kept; Lotse sends the busy times again after the next sign-in.</source>
        <translation>Ihre Auswahl bleibt erhalten; Lotse sendet die belegten Zeiten nach der nächsten Anmeldung erneut.</translation>
    </message>
    <message>
        <source>Remove “%1” and its events from Lotse? The original file is not touched.</source>
        <translation>„%1“ mit seinen Terminen aus Lotse entfernen? Die ursprüngliche Datei bleibt unberührt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarMonthView</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n Termin</numerusform>
            <numerusform>%n Termine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weiterer</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarPage</name>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>%1 – %2, week %3</source>
        <translation>%1 – %2, KW %3</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Zeitzone: %1</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>That time overlaps another of your appointments or proposals. Nothing was changed.</source>
        <translation>Diese Zeit überschneidet sich mit einem anderen Ihrer Termine oder Vorschläge. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>This appointment can no longer be changed (it was cancelled or declined).</source>
        <translation>Dieser Termin kann nicht mehr geändert werden (er wurde abgesagt oder abgelehnt).</translation>
    </message>
    <message>
        <source>Appointments can only be moved to a time in the future, 5 minutes to 12 hours long.</source>
        <translation>Termine können nur in die Zukunft verschoben werden und müssen 5 Minuten bis 12 Stunden lang sein.</translation>
    </message>
    <message>
        <source>Someone else changed this appointment in the meantime. Nothing was changed.</source>
        <translation>Jemand anderes hat diesen Termin inzwischen geändert. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Too late to undo: the e-mail has already been sent.</source>
        <translation>Zu spät zum Rückgängigmachen: Die E-Mail ist schon verschickt.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <extracomment>Date in the undo bar (QDate format: ddd = short weekday, MMM = short month)</extracomment>
        <translation>ddd d. MMM</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <extracomment>%1 date, %2 start time, %3 end time</extracomment>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>Moved to %1.</source>
        <translation>Verschoben auf %1.</translation>
    </message>
    <message>
        <source>Moving to %1…</source>
        <translation>Wird auf %1 verschoben…</translation>
    </message>
    <message>
        <source>Appointment cancelled.</source>
        <translation>Termin abgesagt.</translation>
    </message>
    <message>
        <source>Appointment with %1 cancelled.</source>
        <translation>Termin mit %1 abgesagt.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgesagt…</translation>
    </message>
    <message>
        <source>Declined. The help-seeker gets an e-mail.</source>
        <translation>Abgelehnt. Die ratsuchende Person erhält eine E-Mail.</translation>
    </message>
    <message>
        <source>Confirmed. The help-seeker gets an invitation.</source>
        <translation>Bestätigt. Die ratsuchende Person erhält eine Einladung.</translation>
    </message>
    <message>
        <source>The help-seeker has been sent an e-mail.</source>
        <translation>Die ratsuchende Person hat eine E-Mail erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>The help-seeker gets an e-mail in %n s.</source>
        <translation>
            <numerusform>Die ratsuchende Person erhält in %n s eine E-Mail.</numerusform>
            <numerusform>Die ratsuchende Person erhält in %n s eine E-Mail.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Wird rückgängig gemacht…</translation>
    </message>
    <message>
        <source>Undone. No e-mail was sent.</source>
        <translation>Rückgängig gemacht. Es wurde keine E-Mail verschickt.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarRescheduleDialog</name>
    <message>
        <source>Reschedule the appointment</source>
        <translation>Termin verschieben</translation>
    </message>
    <message>
        <source>The help-seeker gets an e-mail with the new time. You can undo the change for a short while.</source>
        <translation>Die ratsuchende Person erhält eine E-Mail mit der neuen Zeit. Sie können die Änderung kurze Zeit lang rückgängig machen.</translation>
    </message>
    <message>
        <source>%1 gets an e-mail with the new time. You can undo the change for a short while.</source>
        <translation>%1 erhält eine E-Mail mit der neuen Zeit. Sie können die Änderung kurze Zeit lang rückgängig machen.</translation>
    </message>
    <message>
        <source>Currently: %1, %2–%3</source>
        <extracomment>%1 date, %2 start time, %3 end time: the appointment&apos;s time before the move</extracomment>
        <translation>Bisher: %1, %2–%3</translation>
    </message>
    <message>
        <source>ddd, d MMM yyyy</source>
        <extracomment>Date field of the reschedule dialog (QDate format: ddd = short weekday, MMM = short month)</extracomment>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source> min</source>
        <extracomment>Unit after the length of an appointment in minutes, with its leading space</extracomment>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Looking up your free times…</source>
        <translation>Ihre freien Zeiten werden gesucht …</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Times are in your time zone (%1).</source>
        <translation>Zeiten in Ihrer Zeitzone (%1).</translation>
    </message>
    <message>
        <source>Or pick one of your free times:</source>
        <translation>Oder wählen Sie eine Ihrer freien Zeiten:</translation>
    </message>
    <message>
        <source>No free times in the next weeks; type a time above.</source>
        <translation>In den nächsten Wochen gibt es keine freien Zeiten; geben Sie oben eine Zeit ein.</translation>
    </message>
    <message>
        <source>dddd, d MMMM</source>
        <extracomment>Day heading in the list of free times (QDate format)</extracomment>
        <translation>dddd, d. MMMM</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>That time has already passed. Choose a time in the future.</source>
        <translation>Diese Zeit ist schon vorbei. Wählen Sie eine Zeit in der Zukunft.</translation>
    </message>
    <message>
        <source>The appointment is already at this time.</source>
        <translation>Der Termin liegt bereits zu dieser Zeit.</translation>
    </message>
    <message>
        <source>New time: %1, %2–%3</source>
        <extracomment>%1 date, %2 start time, %3 end time of the new time</extracomment>
        <translation>Neue Zeit: %1, %2–%3</translation>
    </message>
    <message>
        <source>For the help-seeker: %1 (%2)</source>
        <extracomment>%1 the new start in the help-seeker&apos;s time, %2 their time zone</extracomment>
        <translation>Für die ratsuchende Person: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarSettingsBox</name>
    <message>
        <source>Calendars</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Connect calendar</source>
        <translation>Kalender verbinden</translation>
    </message>
    <message>
        <source>Looking for your calendars…</source>
        <translation>Ihre Kalender werden gesucht …</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Busy times from:</source>
        <translation>Belegte Zeiten aus:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;Appointments go to:</source>
        <translation>&amp;Termine kommen in:</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Events in the ticked calendars count as busy: the booking page does not offer those times. Only the times leave this computer, no titles or participants. Lotse&apos;s appointments go into your calendar without names.</source>
        <translation>Einträge in den angehakten Kalendern gelten als belegt: Die Buchungsseite bietet diese Zeiten nicht an. Nur die Zeiten verlassen diesen Computer, keine Titel oder Teilnehmenden. Lotse trägt seine Termine ohne Namen in Ihren Kalender ein.</translation>
    </message>
    <message>
        <source>Connect your calendar (CalDAV, e.g. Nextcloud, mailbox.org or your organisation&apos;s server): its busy times keep the booking page free, and Lotse&apos;s confirmed appointments appear in it.</source>
        <translation>Verbinden Sie Ihren Kalender (CalDAV, z. B. Nextcloud, mailbox.org oder der Server Ihrer Organisation): Die Buchungsseite bietet dann keine Zeiten an, zu denen Sie dort belegt sind, und bestätigte Lotse-Termine erscheinen darin.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Nowhere</source>
        <translation>Nirgends</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Zuletzt abgeglichen: %1</translation>
    </message>
    <message>
        <source>Last synced: never</source>
        <translation>Zuletzt abgeglichen: noch nie</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Noch nicht abgeglichen.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird abgeglichen …</translation>
    </message>
    <message>
        <source>Busy times are up to date.</source>
        <translation>Die belegten Zeiten sind aktuell.</translation>
    </message>
    <message>
        <source>Appointments in your calendar: %1</source>
        <translation>Termine in Ihrem Kalender: %1</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Passwort ändern …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter the new password of your calendar account. Your choices of calendars stay as they are.</source>
        <translation>Geben Sie das neue Passwort Ihres Kalenderkontos ein. Ihre Auswahl der Kalender bleibt erhalten.</translation>
    </message>
    <message>
        <source>Save password</source>
        <translation>Passwort speichern</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CallWindow</name>
    <message>
        <source>Lotse may not use the camera or microphone. Allow it in the system settings.</source>
        <translation>Lotse darf Kamera oder Mikrofon nicht verwenden. Erlauben Sie es in den Systemeinstellungen.</translation>
    </message>
    <message>
        <source>Before you join</source>
        <translation>Bevor Sie teilnehmen</translation>
    </message>
    <message>
        <source>Check your picture and sound. Nobody sees or hears you before you join.</source>
        <translation>Prüfen Sie Bild und Ton. Niemand sieht oder hört Sie, bevor Sie teilnehmen.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Lautsprecher</translation>
    </message>
    <message>
        <source>Audio only (for a weak connection)</source>
        <translation>Nur Ton (bei schwacher Verbindung)</translation>
    </message>
    <message>
        <source>Join the call</source>
        <translation>Am Anruf teilnehmen</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Prüfcode</translation>
    </message>
    <message>
        <source>Read this code to the person you talk to. If their screen shows the same code, nobody is listening in between.</source>
        <translation>Lesen Sie diesen Code Ihrem Gegenüber vor. Zeigt der andere Bildschirm denselben Code, hört niemand dazwischen mit.</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Invite interpreter…</source>
        <translation>Dolmetscher/in einladen…</translation>
    </message>
    <message>
        <source>Create a link an interpreter can join this call with (valid for 24 hours)</source>
        <translation>Einen Link erstellen, mit dem eine Dolmetscherin oder ein Dolmetscher an diesem Anruf teilnehmen kann (24 Stunden gültig)</translation>
    </message>
    <message>
        <source>Remove interpreter</source>
        <translation>Dolmetscher/in entfernen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Video call with %1</source>
        <translation>Videoanruf mit %1</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>In the call with %1</source>
        <translation>Im Anruf mit %1</translation>
    </message>
    <message>
        <source>Waiting for %1 to join…</source>
        <translation>Warten auf %1…</translation>
    </message>
    <message>
        <source>The connection failed. The call has ended.</source>
        <translation>Die Verbindung ist fehlgeschlagen. Der Anruf ist beendet.</translation>
    </message>
    <message>
        <source>The call has ended.</source>
        <translation>Der Anruf ist beendet.</translation>
    </message>
    <message>
        <source>Video call – %1</source>
        <translation>Videoanruf – %1</translation>
    </message>
    <message>
        <source>not yet available</source>
        <translation>noch nicht verfügbar</translation>
    </message>
    <message>
        <source>You (this device)</source>
        <translation>Sie (dieses Gerät)</translation>
    </message>
    <message>
        <source>Help-seeker</source>
        <translation>Ratsuchende Person</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Dolmetscher/in</translation>
    </message>
    <message>
        <source>%1 (another advisor device)</source>
        <translation>%1 (weiteres Gerät der Beratung)</translation>
    </message>
    <message>
        <source>This conversation already has three open interpreter invitations.</source>
        <translation>Für dieses Gespräch gibt es bereits drei offene Einladungen für Dolmetschende.</translation>
    </message>
    <message>
        <source>The invitation could not be created: %1</source>
        <translation>Die Einladung konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Invite an interpreter</source>
        <translation>Dolmetscher/in einladen</translation>
    </message>
    <message>
        <source>Send this link to the interpreter over a safe channel. It works for 24 hours and only for this conversation&apos;s calls; anyone with the link can join.</source>
        <translation>Schicken Sie diesen Link auf einem sicheren Weg an die Dolmetscherin oder den Dolmetscher. Er gilt 24 Stunden und nur für die Anrufe dieses Gesprächs; wer den Link hat, kann teilnehmen.</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>The interpreter could not be removed: %1</source>
        <translation>Die Dolmetscherin oder der Dolmetscher konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>No camera or microphone was found. You can still join and hear the others.</source>
        <translation>Es wurde keine Kamera und kein Mikrofon gefunden. Sie können trotzdem teilnehmen und die anderen hören.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ChatView</name>
    <message>
        <source>Verification code</source>
        <translation>Prüfcode</translation>
    </message>
    <message>
        <source>Read this code to the person you talk to. If their screen shows the same code, nobody is listening in between.</source>
        <translation>Lesen Sie diesen Code Ihrem Gegenüber vor. Zeigt der andere Bildschirm denselben Code, hört niemand dazwischen mit.</translation>
    </message>
    <message>
        <source>The security keys in this conversation changed: a device was added or removed. Compare the verification code with the person again before you write anything personal.</source>
        <translation>Die Sicherheitsschlüssel in diesem Gespräch haben sich geändert: Ein Gerät kam hinzu oder wurde entfernt. Vergleichen Sie den Prüfcode noch einmal mit Ihrem Gegenüber, bevor Sie etwas Persönliches schreiben.</translation>
    </message>
    <message>
        <source>I have checked the code</source>
        <translation>Ich habe den Code geprüft</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Datei anhängen…</translation>
    </message>
    <message>
        <source>Send a file (encrypted on this device; you can also drop files here)</source>
        <translation>Eine Datei senden (auf diesem Gerät verschlüsselt; Sie können Dateien auch hierher ziehen)</translation>
    </message>
    <message>
        <source>Write a message… (Enter sends, Shift+Enter starts a new line)</source>
        <translation>Nachricht schreiben… (Eingabetaste sendet, Umschalt+Eingabe beginnt eine neue Zeile)</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Datei senden</translation>
    </message>
    <message>
        <source>Encrypting and sending %1…</source>
        <translation>%1 wird verschlüsselt und gesendet…</translation>
    </message>
    <message>
        <source>Downloading and decrypting %1…</source>
        <translation>%1 wird heruntergeladen und entschlüsselt…</translation>
    </message>
    <message>
        <source>The file was sent.</source>
        <translation>Die Datei wurde gesendet.</translation>
    </message>
    <message>
        <source>The file was saved.</source>
        <translation>Die Datei wurde gespeichert.</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Datei speichern</translation>
    </message>
    <message>
        <source>Instant call</source>
        <translation>Sofortgespräch</translation>
    </message>
    <message>
        <source>Booking (name not readable on this device)</source>
        <translation>Buchung (Name auf diesem Gerät nicht lesbar)</translation>
    </message>
    <message>
        <source>Conversation about a booking</source>
        <translation>Gespräch zu einer Buchung</translation>
    </message>
    <message>
        <source>not yet available</source>
        <translation>noch nicht verfügbar</translation>
    </message>
    <message>
        <source>No messages yet. Write the first one below.</source>
        <translation>Noch keine Nachrichten. Schreiben Sie unten die erste.</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Gespräch wird geladen…</translation>
    </message>
    <message>
        <source>A message could not be decrypted</source>
        <translation>Eine Nachricht konnte nicht entschlüsselt werden</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>Help-seeker</source>
        <translation>Ratsuchende Person</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Videoanruf</translation>
    </message>
    <message>
        <source>Start an end-to-end encrypted video call in this conversation</source>
        <translation>Einen Ende-zu-Ende-verschlüsselten Videoanruf in diesem Gespräch beginnen</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Teilnehmen</translation>
    </message>
    <message>
        <source>A participant</source>
        <translation>Eine teilnehmende Person</translation>
    </message>
    <message>
        <source>The interpreter</source>
        <translation>Die Dolmetscherin oder der Dolmetscher</translation>
    </message>
    <message>
        <source>%1 is calling</source>
        <translation>%1 ruft an</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ConflictDialog</name>
    <message>
        <source>Confirm the appointment</source>
        <translation>Termin bestätigen</translation>
    </message>
    <message>
        <source>Decline: “%1”</source>
        <translation>Ablehnen: „%1“</translation>
    </message>
    <message>
        <source>Propose another time: %1</source>
        <translation>Anderen Termin vorschlagen: %1</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Verschieben auf %1</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>Termin absagen</translation>
    </message>
    <message>
        <source>Change your private note</source>
        <translation>Ihre private Notiz ändern</translation>
    </message>
    <message>
        <source>Mark the message as done</source>
        <translation>Nachricht als erledigt markieren</translation>
    </message>
    <message>
        <source>Changed on the server</source>
        <translation>Auf dem Server geändert</translation>
    </message>
    <message>
        <source>This appointment was changed on the server after you changed it here. Which version should count?</source>
        <translation>Dieser Termin wurde auf dem Server geändert, nachdem Sie ihn hier geändert hatten. Welche Fassung soll gelten?</translation>
    </message>
    <message>
        <source>The appointment with %1 was changed on the server after you changed it here. Which version should count?</source>
        <translation>Der Termin mit %1 wurde auf dem Server geändert, nachdem Sie ihn hier geändert hatten. Welche Fassung soll gelten?</translation>
    </message>
    <message>
        <source>Your change:</source>
        <translation>Ihre Änderung:</translation>
    </message>
    <message>
        <source>Now on the server:</source>
        <translation>Jetzt auf dem Server:</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Server-Fassung übernehmen</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ConversationsPage</name>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Search in messages on this device</source>
        <translation>In Nachrichten auf diesem Gerät suchen</translation>
    </message>
    <message>
        <source>No conversations yet. A conversation starts with each confirmed booking and each instant call you take.</source>
        <translation>Noch keine Gespräche. Ein Gespräch beginnt mit jeder bestätigten Buchung und jedem Sofortgespräch, das Sie übernehmen.</translation>
    </message>
    <message>
        <source>Choose a conversation on the left.

Messages are end-to-end encrypted: only this device and the help-seeker&apos;s browser can read them.</source>
        <translation>Wählen Sie links ein Gespräch.

Nachrichten sind Ende-zu-Ende-verschlüsselt: Nur dieses Gerät und der Browser der ratsuchenden Person können sie lesen.</translation>
    </message>
    <message>
        <source>Instant call</source>
        <translation>Sofortgespräch</translation>
    </message>
    <message>
        <source>Name not readable here</source>
        <translation>Name hier nicht lesbar</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nichts gefunden</translation>
    </message>
    <message>
        <source>Only messages held on this device are searched.</source>
        <translation>Durchsucht werden nur die Nachrichten auf diesem Gerät.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::DeclineDialog</name>
    <message>
        <source>Decline the request</source>
        <translation>Anfrage ablehnen</translation>
    </message>
    <message>
        <source>Please say why you cannot take this appointment. The reason is sent by e-mail.</source>
        <translation>Bitte schreiben Sie, warum Sie diesen Termin nicht wahrnehmen können. Der Grund wird per E-Mail verschickt.</translation>
    </message>
    <message>
        <source>Please tell %1 why you cannot take this appointment. The reason is sent by e-mail.</source>
        <translation>Bitte schreiben Sie %1, warum Sie diesen Termin nicht wahrnehmen können. Der Grund wird per E-Mail verschickt.</translation>
    </message>
    <message>
        <source>For example: I am fully booked that week. Please choose another day.</source>
        <translation>Zum Beispiel: In dieser Woche bin ich ausgebucht. Bitte wählen Sie einen anderen Tag.</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::KeyStoragePage</name>
    <message>
        <source>No keychain available</source>
        <translation>Kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>Lotse keeps this device&apos;s private keys and your sign-in in the system keychain, but none could be used on this computer. You can protect them with a passphrase instead: Lotse then stores them in an encrypted file and asks for the passphrase each time it starts.</source>
        <translation>Lotse bewahrt die privaten Schlüssel dieses Geräts und Ihre Anmeldung im Schlüsselbund des Systems auf, aber auf diesem Computer ließ sich keiner verwenden. Sie können sie stattdessen mit einer Passphrase schützen: Lotse speichert sie dann in einer verschlüsselten Datei und fragt bei jedem Start nach der Passphrase.</translation>
    </message>
    <message numerus="yes">
        <source>New &amp;passphrase (at least %n characters)</source>
        <translation>
            <numerusform>Neue &amp;Passphrase (mindestens %n Zeichen)</numerusform>
            <numerusform>Neue &amp;Passphrase (mindestens %n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase</source>
        <translation>Passphrase &amp;wiederholen</translation>
    </message>
    <message>
        <source>Use passphrase</source>
        <translation>Passphrase verwenden</translation>
    </message>
    <message>
        <source>Try keychain again</source>
        <translation>Schlüsselbund erneut versuchen</translation>
    </message>
    <message>
        <source>Unlock your keys</source>
        <translation>Schlüssel entsperren</translation>
    </message>
    <message>
        <source>This device&apos;s keys are stored in a passphrase-protected file. Enter the passphrase to continue.</source>
        <translation>Die Schlüssel dieses Geräts liegen in einer mit Passphrase geschützten Datei. Geben Sie die Passphrase ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message numerus="yes">
        <source>Please choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Bitte wählen Sie eine Passphrase mit mindestens %n Zeichen.</numerusform>
            <numerusform>Bitte wählen Sie eine Passphrase mit mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>What the system reported: %1</source>
        <translation>Meldung des Systems: %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::MainWindow</name>
    <message>
        <source>%1 – Lotse</source>
        <translation>%1 – Lotse</translation>
    </message>
    <message>
        <source>Lotse</source>
        <translation>Lotse</translation>
    </message>
    <message>
        <source>Someone is waiting</source>
        <translation>Jemand wartet</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) joined the waiting room for an instant call.</source>
        <translation>
            <numerusform>%n Person ist in den Warteraum für ein Sofortgespräch gekommen.</numerusform>
            <numerusform>%n Personen sind in den Warteraum für ein Sofortgespräch gekommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>a help-seeker</source>
        <translation>einer ratsuchenden Person</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Neue Nachricht von %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>Willkommen, %1</translation>
    </message>
    <message>
        <source>%1 · signed in as %2 on %3</source>
        <translation>%1 · angemeldet als %2 auf %3</translation>
    </message>
    <message>
        <source>This device is registered. Its keys are protected by your passphrase.</source>
        <translation>Dieses Gerät ist registriert. Seine Schlüssel sind durch Ihre Passphrase geschützt.</translation>
    </message>
    <message>
        <source>This device is registered. Its keys are kept in the system keychain.</source>
        <translation>Dieses Gerät ist registriert. Seine Schlüssel liegen im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Calendar, booking requests and conversations will appear in the sidebar as they become available.</source>
        <translation>Kalender, Terminanfragen und Gespräche erscheinen in der Seitenleiste, sobald sie verfügbar sind.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ProposeDialog</name>
    <message>
        <source>Propose another time</source>
        <translation>Anderen Termin vorschlagen</translation>
    </message>
    <message>
        <source>Choose one of your free times. The person gets an e-mail with a link to accept it.</source>
        <translation>Wählen Sie eine Ihrer freien Zeiten. Die Person erhält eine E-Mail mit einem Link, um sie anzunehmen.</translation>
    </message>
    <message>
        <source>Looking up your free times…</source>
        <translation>Ihre freien Zeiten werden gesucht …</translation>
    </message>
    <message>
        <source>Propose this time</source>
        <translation>Diese Zeit vorschlagen</translation>
    </message>
    <message>
        <source>You have no free times in the next weeks. Add hours on the Availability page.</source>
        <translation>Sie haben in den nächsten Wochen keine freien Zeiten. Tragen Sie auf der Seite „Verfügbarkeit“ Zeiten ein.</translation>
    </message>
    <message>
        <source>Times are in your time zone (%1).</source>
        <translation>Zeiten in Ihrer Zeitzone (%1).</translation>
    </message>
    <message>
        <source>dddd, d MMMM</source>
        <extracomment>Day heading in the list of free times (QDate format)</extracomment>
        <translation>dddd, d. MMMM</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Reschedule the appointment</source>
        <translation>Termin verschieben</translation>
    </message>
    <message>
        <source>Choose one of your free times. The appointment moves there, and the help-seeker gets an e-mail with the new time.</source>
        <translation>Wählen Sie eine Ihrer freien Zeiten. Der Termin wird dorthin verschoben, und die ratsuchende Person erhält eine E-Mail mit der neuen Zeit.</translation>
    </message>
    <message>
        <source>Move to this time</source>
        <translation>Auf diese Zeit verschieben</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::QueuePage</name>
    <message>
        <source>Waiting room</source>
        <translation>Warteraum</translation>
    </message>
    <message>
        <source>People waiting for an instant call, longest waiting first. Their names are decrypted on this device only.</source>
        <translation>Personen, die auf ein Sofortgespräch warten, die am längsten Wartenden zuerst. Ihre Namen werden nur auf diesem Gerät entschlüsselt.</translation>
    </message>
    <message>
        <source>Nobody is waiting right now. You will hear a chime when someone arrives.</source>
        <translation>Gerade wartet niemand. Sie hören einen Ton, sobald jemand kommt.</translation>
    </message>
    <message>
        <source>Take next</source>
        <translation>Nächste Person übernehmen</translation>
    </message>
    <message>
        <source>Take selected</source>
        <translation>Ausgewählte übernehmen</translation>
    </message>
    <message>
        <source>Name not readable on this device</source>
        <translation>Name auf diesem Gerät nicht lesbar</translation>
    </message>
    <message>
        <source>Waiting for %1 · position %2</source>
        <translation>Wartet seit %1 · Platz %2</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::RequestsPage</name>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>No requests yet. New bookings and messages appear here by themselves.</source>
        <translation>Noch keine Anfragen. Neue Buchungen und Nachrichten erscheinen hier von selbst.</translation>
    </message>
    <message>
        <source>Choose a request on the left to see its details.</source>
        <translation>Wählen Sie links eine Anfrage, um die Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Propose another time…</source>
        <translation>Anderen Termin vorschlagen …</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Ablehnen …</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>(kein Name angegeben)</translation>
    </message>
    <message>
        <source>Contact message</source>
        <translation>Kontaktnachricht</translation>
    </message>
    <message>
        <source>Phone appointment</source>
        <translation>Telefontermin</translation>
    </message>
    <message>
        <source>Appointment on site</source>
        <translation>Termin vor Ort</translation>
    </message>
    <message>
        <source>Video appointment</source>
        <translation>Videotermin</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The name and message were encrypted for other devices of your organisation, not for this one (for example, before this device was registered). Open the request on one of those devices.</source>
        <translation>Name und Nachricht wurden für andere Geräte Ihrer Organisation verschlüsselt, nicht für dieses (zum Beispiel, bevor dieses Gerät angemeldet wurde). Öffnen Sie die Anfrage auf einem dieser Geräte.</translation>
    </message>
    <message>
        <source>The name and message could not be decrypted: the data is damaged or was changed on the way. You can still answer by e-mail.</source>
        <translation>Name und Nachricht konnten nicht entschlüsselt werden: Die Daten sind beschädigt oder wurden unterwegs verändert. Sie können trotzdem per E-Mail antworten.</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Ort:</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language of the app:</source>
        <translation>&amp;Sprache der App:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Angemeldet als:</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <source>Compare these fingerprints when a colleague or your administrator wants to confirm that this device is really yours.</source>
        <translation>Vergleichen Sie diese Fingerabdrücke, wenn eine Kollegin, ein Kollege oder Ihre Administration bestätigen möchte, dass dieses Gerät wirklich Ihres ist.</translation>
    </message>
    <message>
        <source>Signing key:</source>
        <translation>Signaturschlüssel:</translation>
    </message>
    <message>
        <source>Encryption key:</source>
        <translation>Verschlüsselungsschlüssel:</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The private keys are stored in a passphrase-protected key file.</source>
        <translation>Die privaten Schlüssel liegen in einer mit Passphrase geschützten Schlüsseldatei.</translation>
    </message>
    <message>
        <source>The private keys are stored in the system keychain.</source>
        <translation>Die privaten Schlüssel liegen im Schlüsselbund des Systems.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::SignInPage</name>
    <message>
        <source>Sign in to Lotse</source>
        <translation>Bei Lotse anmelden</translation>
    </message>
    <message>
        <source>Use the account your counselling service gave you.</source>
        <translation>Nutzen Sie das Konto, das Sie von Ihrer Beratungsstelle erhalten haben.</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;Serveradresse</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Security &amp;code</source>
        <translation>Sicherheits&amp;code</translation>
    </message>
    <message>
        <source>e.g. anna.berger</source>
        <translation>z. B. anna.berger</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>6 Ziffern aus Ihrer Authenticator-App</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>e.g. https://beratung.example.org</source>
        <translation>z. B. https://beratung.example.org</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::StartupPage</name>
    <message>
        <source>One moment, Lotse is getting ready…</source>
        <translation>Einen Moment, Lotse wird vorbereitet…</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::SyncStatusWidget</name>
    <message>
        <source>Hide this notice</source>
        <translation>Hinweis ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed on the server too</source>
        <translation>Auch auf dem Server geändert</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n Änderung wartet</numerusform>
            <numerusform>%n Änderungen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Zuletzt abgeglichen %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht abgeglichen</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird abgeglichen …</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n change(s)</source>
        <translation>
            <numerusform>%n Änderung wird gesendet</numerusform>
            <numerusform>%n Änderungen werden gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Auf dem neuesten Stand</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <extracomment>%1 the time of the last sync</extracomment>
        <translation>Abgeglichen %1</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Entscheiden …</translation>
    </message>
    <message>
        <source>Last synced with the server: %1</source>
        <translation>Zuletzt mit dem Server abgeglichen: %1</translation>
    </message>
    <message>
        <source>Not synced with the server yet</source>
        <translation>Noch nicht mit dem Server abgeglichen</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::TrayIcon</name>
    <message>
        <source>Lotse</source>
        <translation>Lotse</translation>
    </message>
    <message>
        <source>Show Lotse</source>
        <translation>Lotse anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::WeekGridWidget</name>
    <message>
        <source>Weekly hours</source>
        <translation>Wochenzeiten</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Lotse, the advisor&apos;s desktop app.</source>
        <translation>Lotse, die Desktop-App für Beratende.</translation>
    </message>
    <message>
        <source>Server address to sign in to.</source>
        <translation>Serveradresse für die Anmeldung.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>User name to sign in with.</source>
        <translation>Benutzername für die Anmeldung.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input and sign in right away.</source>
        <translation>Das Passwort aus der ersten Zeile der Standardeingabe lesen und sofort anmelden.</translation>
    </message>
    <message>
        <source>Keep settings and keys for this profile in a separate folder.</source>
        <translation>Einstellungen und Schlüssel dieses Profils in einem eigenen Ordner aufbewahren.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Lotse cannot start</source>
        <translation>Lotse kann nicht starten</translation>
    </message>
    <message>
        <source>The encryption self-test failed (%1). Lotse will not start, so that no data is handled unsafely.</source>
        <translation>Der Selbsttest der Verschlüsselung ist fehlgeschlagen (%1). Lotse startet nicht, damit keine Daten unsicher verarbeitet werden.</translation>
    </message>
</context>
</TS>
