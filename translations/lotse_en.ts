<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Lotse::Client::ApiError</name>
    <message>
        <source>The server could not be reached. Please check the server address and your internet connection.</source>
        <translation>The server could not be reached. Please check the server address and your internet connection.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established. Please check the server address or ask your administrator.</source>
        <translation>A secure connection to the server could not be established. Please check the server address or ask your administrator.</translation>
    </message>
    <message>
        <source>The server address is not valid. It should look like https://beratung.example.org.</source>
        <translation>The server address is not valid. It should look like https://beratung.example.org.</translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation>The user name or password is not correct.</translation>
    </message>
    <message>
        <source>Please enter the six-digit security code from your authenticator app.</source>
        <translation>Please enter the six-digit security code from your authenticator app.</translation>
    </message>
    <message>
        <source>The security code is not correct or has expired. Please enter the current code.</source>
        <translation>The security code is not correct or has expired. Please enter the current code.</translation>
    </message>
    <message>
        <source>This account has been disabled. Please contact your organisation&apos;s administrator.</source>
        <translation>This account has been disabled. Please contact your organisation&apos;s administrator.</translation>
    </message>
    <message numerus="yes">
        <source>Too many sign-in attempts. Please try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many sign-in attempts. Please try again in %n minute.</numerusform>
            <numerusform>Too many sign-in attempts. Please try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Your session has expired. Please sign in again.</translation>
    </message>
    <message>
        <source>You are no longer signed in. Please sign in again.</source>
        <translation>You are no longer signed in. Please sign in again.</translation>
    </message>
    <message>
        <source>This device&apos;s keys are already registered to another advisor. Please contact your administrator.</source>
        <translation>This device&apos;s keys are already registered to another advisor. Please contact your administrator.</translation>
    </message>
    <message>
        <source>The server gave an answer Lotse does not understand. Is this the right server address?</source>
        <translation>The server gave an answer Lotse does not understand. Is this the right server address?</translation>
    </message>
    <message>
        <source>The server has a problem right now (error %1). Please try again later.</source>
        <translation>The server has a problem right now (error %1). Please try again later.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>The server refused the request: %1</translation>
    </message>
    <message>
        <source>The server refused the request (error %1).</source>
        <translation>The server refused the request (error %1).</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::BusySync</name>
    <message>
        <source>Lotse could not send your busy times to its server: %1</source>
        <translation>Lotse could not send your busy times to its server: %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::BusyUploader</name>
    <message>
        <source>Your booking page could not be updated with the busy times of your imported calendars: %1</source>
        <translation>Your booking page could not be updated with the busy times of your imported calendars: %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalDavAccount</name>
    <message>
        <source>Please enter the address of your calendar server, for example https://calendar.example.org/.</source>
        <translation>Please enter the address of your calendar server, for example https://calendar.example.org/.</translation>
    </message>
    <message>
        <source>Please enter the user name and password of your calendar account.</source>
        <translation>Please enter the user name and password of your calendar account.</translation>
    </message>
    <message>
        <source>Please sign in first: the calendar password is kept with your sign-in.</source>
        <translation>Please sign in first: the calendar password is kept with your sign-in.</translation>
    </message>
    <message>
        <source>The account has no calendar for appointments.</source>
        <translation>The account has no calendar for appointments.</translation>
    </message>
    <message>
        <source>No calendar account is set up.</source>
        <translation>No calendar account is set up.</translation>
    </message>
    <message>
        <source>The calendar password is missing. Please remove the account and add it again.</source>
        <translation>The calendar password is missing. Please remove the account and add it again.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalDavError</name>
    <message>
        <source>The calendar server did not accept the user name or password.</source>
        <translation>The calendar server did not accept the user name or password.</translation>
    </message>
    <message>
        <source>The calendar server could not be reached. Please check your connection; Lotse will try again.</source>
        <translation>The calendar server could not be reached. Please check your connection; Lotse will try again.</translation>
    </message>
    <message>
        <source>No server was found at this address. Please check the address.</source>
        <translation>No server was found at this address. Please check the address.</translation>
    </message>
    <message>
        <source>The secure connection to the calendar server failed: its certificate is not valid or not trusted.</source>
        <translation>The secure connection to the calendar server failed: its certificate is not valid or not trusted.</translation>
    </message>
    <message>
        <source>The server at this address does not answer like a CalDAV calendar server.</source>
        <translation>The server at this address does not answer like a CalDAV calendar server.</translation>
    </message>
    <message>
        <source>The event was changed in your calendar at the same time. Lotse will try again.</source>
        <translation>The event was changed in your calendar at the same time. Lotse will try again.</translation>
    </message>
    <message>
        <source>The calendar or event no longer exists on the calendar server.</source>
        <translation>The calendar or event no longer exists on the calendar server.</translation>
    </message>
    <message>
        <source>The calendar server reported a problem (%1). Lotse will try again later.</source>
        <translation>The calendar server reported a problem (%1). Lotse will try again later.</translation>
    </message>
    <message>
        <source>The address must start with https://, so that your password is never sent readable.</source>
        <translation>The address must start with https://, so that your password is never sent readable.</translation>
    </message>
    <message>
        <source>The calendar server refused the request (%1).</source>
        <translation>The calendar server refused the request (%1).</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalendarPublisher</name>
    <message>
        <source>Counselling (phone)</source>
        <translation>Counselling (phone)</translation>
    </message>
    <message>
        <source>Counselling (on site)</source>
        <translation>Counselling (on site)</translation>
    </message>
    <message>
        <source>Counselling (video)</source>
        <translation>Counselling (video)</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalendarService</name>
    <message>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(no title)</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CallBridge</name>
    <message>
        <source>Help-seeker</source>
        <translation>Help-seeker</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>The conversation&apos;s key is not ready yet. Please try again in a moment.</source>
        <translation>The conversation&apos;s key is not ready yet. Please try again in a moment.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::DeviceKeyStore</name>
    <message>
        <source>the stored device keys are damaged</source>
        <translation>the stored device keys are damaged</translation>
    </message>
    <message>
        <source>the new device keys could not be read back</source>
        <translation>the new device keys could not be read back</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::IcsExport</name>
    <message>
        <source>Counselling (phone)</source>
        <translation>Counselling (phone)</translation>
    </message>
    <message>
        <source>Counselling (on site)</source>
        <translation>Counselling (on site)</translation>
    </message>
    <message>
        <source>Counselling (video)</source>
        <translation>Counselling (video)</translation>
    </message>
    <message>
        <source>Counselling</source>
        <translation>Counselling</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>summary: help-seeker&apos;s name</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>“%1” could not be written: %2</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::ImportedCalendars</name>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>The file is saved as UTF-16 text; Lotse reads calendar files in UTF-8. Export the calendar again, or save the file as UTF-8.</source>
        <translation>The file is saved as UTF-16 text; Lotse reads calendar files in UTF-8. Export the calendar again, or save the file as UTF-8.</translation>
    </message>
    <message>
        <source>This is not an iCalendar file (.ics): it holds binary data.</source>
        <translation>This is not an iCalendar file (.ics): it holds binary data.</translation>
    </message>
    <message>
        <source>This is not an iCalendar file (.ics): it is not UTF-8 text.</source>
        <translation>This is not an iCalendar file (.ics): it is not UTF-8 text.</translation>
    </message>
    <message>
        <source>This is a web page (HTML), not an iCalendar file. If it came from a calendar service, use its “Export” or “iCal” link instead.</source>
        <translation>This is a web page (HTML), not an iCalendar file. If it came from a calendar service, use its “Export” or “iCal” link instead.</translation>
    </message>
    <message>
        <source>This is not an iCalendar file (.ics): it does not begin with BEGIN:VCALENDAR.</source>
        <translation>This is not an iCalendar file (.ics): it does not begin with BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>The file is damaged: line %1 comes after the end of the calendar.</source>
        <translation>The file is damaged: line %1 comes after the end of the calendar.</translation>
    </message>
    <message>
        <source>The file is damaged: line %1 ends %2, but %3 is open.</source>
        <translation>The file is damaged: line %1 ends %2, but %3 is open.</translation>
    </message>
    <message>
        <source>The file is incomplete: it ends inside %1 (opened on line %2). It was probably cut off while downloading or copying.</source>
        <translation>The file is incomplete: it ends inside %1 (opened on line %2). It was probably cut off while downloading or copying.</translation>
    </message>
    <message>
        <source>The file is larger than 5 MB. Lotse imports calendar files up to 5 MB.</source>
        <translation>The file is larger than 5 MB. Lotse imports calendar files up to 5 MB.</translation>
    </message>
    <message>
        <source>The file could not be read as a calendar.</source>
        <translation>The file could not be read as a calendar.</translation>
    </message>
    <message>
        <source>no valid start time</source>
        <translation>no valid start time</translation>
    </message>
    <message>
        <source>ends before it begins</source>
        <translation>ends before it begins</translation>
    </message>
    <message>
        <source>repeats more often than every hour</source>
        <translation>repeats more often than every hour</translation>
    </message>
    <message>
        <source>The file holds no events.</source>
        <translation>The file holds no events.</translation>
    </message>
    <message>
        <source>No event in the file could be read: %1</source>
        <translation>No event in the file could be read: %1</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>“%1” is not a file.</translation>
    </message>
    <message>
        <source>“%1” could not be opened: %2</source>
        <translation>“%1” could not be opened: %2</translation>
    </message>
    <message>
        <source>The folder for imported calendars could not be created: %1</source>
        <translation>The folder for imported calendars could not be created: %1</translation>
    </message>
    <message>
        <source>The imported calendar could not be saved: %1</source>
        <translation>The imported calendar could not be saved: %1</translation>
    </message>
    <message>
        <source>This imported calendar no longer exists.</source>
        <translation>This imported calendar no longer exists.</translation>
    </message>
    <message>
        <source>The imported calendar could not be removed from %1.</source>
        <translation>The imported calendar could not be removed from %1.</translation>
    </message>
    <message>
        <source>The choice could not be saved: %1</source>
        <translation>The choice could not be saved: %1</translation>
    </message>
    <message>
        <source>%1: the calendar file is missing.</source>
        <translation>%1: the calendar file is missing.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recurring</source>
        <translation>
            <numerusform>%n recurring</numerusform>
            <numerusform>%n recurring</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lotse::Client::InstantQueue</name>
    <message>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <source>A colleague has already taken this call. It is no longer in the queue.</source>
        <translation>A colleague has already taken this call. It is no longer in the queue.</translation>
    </message>
    <message>
        <source>This person is no longer waiting.</source>
        <translation>This person is no longer waiting.</translation>
    </message>
    <message>
        <source>Nobody is waiting right now.</source>
        <translation>Nobody is waiting right now.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::KeyFile</name>
    <message>
        <source>not enough memory to protect the keys</source>
        <translation>not enough memory to protect the keys</translation>
    </message>
    <message>
        <source>not enough memory to open the keys</source>
        <translation>not enough memory to open the keys</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::LocalStore</name>
    <message>
        <source>it was written with another key</source>
        <translation>it was written with another key</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>the file is damaged</translation>
    </message>
    <message>
        <source>the file is not a Lotse offline copy</source>
        <translation>the file is not a Lotse offline copy</translation>
    </message>
    <message>
        <source>it comes from another version of Lotse</source>
        <translation>it comes from another version of Lotse</translation>
    </message>
    <message>
        <source>The offline copy of your requests could not be opened (%1). Lotse starts a new one and fetches everything from the server again.</source>
        <extracomment>%1 why (e.g. &quot;the file is damaged&quot;)</extracomment>
        <translation>The offline copy of your requests could not be opened (%1). Lotse starts a new one and fetches everything from the server again.</translation>
    </message>
    <message>
        <source>Changes you made offline that were not sent yet could not be read. The old copy is kept at %1.</source>
        <translation>Changes you made offline that were not sent yet could not be read. The old copy is kept at %1.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RequestsModel</name>
    <message>
        <source>Sealed to another device</source>
        <translation>Sealed to another device</translation>
    </message>
    <message>
        <source>Could not be decrypted</source>
        <translation>Could not be decrypted</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>New message</translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>Waiting for you</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Other time proposed</source>
        <translation>Other time proposed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>ddd, d MMM yyyy</source>
        <extracomment>Date format of the requests list (QDateTime format: ddd = short weekday, MMM = short month)</extracomment>
        <translation>ddd, d MMM yyyy</translation>
    </message>
    <message>
        <source>Received %1, %2</source>
        <translation>Received %1, %2</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>%1 (%2 for them, %3)</source>
        <extracomment>%1 the appointment in the advisor&apos;s time, %2 the start in the help-seeker&apos;s time, %3 their zone</extracomment>
        <translation>%1 (%2 for them, %3)</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RequestsService</name>
    <message>
        <source>Lotse could not keep a copy of your requests on this computer.</source>
        <translation>Lotse could not keep a copy of your requests on this computer.</translation>
    </message>
    <message>
        <source>The change could not be stored on this computer, so it was not made.</source>
        <translation>The change could not be stored on this computer, so it was not made.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RoomFiles</name>
    <message>
        <source>The file %1 could not be read.</source>
        <translation>The file %1 could not be read.</translation>
    </message>
    <message>
        <source>The file %1 is too large (at most %2 MB).</source>
        <translation>The file %1 is too large (at most %2 MB).</translation>
    </message>
    <message>
        <source>The file could not be encrypted.</source>
        <translation>The file could not be encrypted.</translation>
    </message>
    <message>
        <source>The file is too large for the server.</source>
        <translation>The file is too large for the server.</translation>
    </message>
    <message>
        <source>This file is not part of the conversation.</source>
        <translation>This file is not part of the conversation.</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 could not be written.</translation>
    </message>
    <message>
        <source>The file could not be decrypted: it is damaged or was changed. Nothing was saved.</source>
        <translation>The file could not be decrypted: it is damaged or was changed. Nothing was saved.</translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation>The file could not be saved.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RoomService</name>
    <message>
        <source>The conversation&apos;s key could not be set up. Please try again later.</source>
        <translation>The conversation&apos;s key could not be set up. Please try again later.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>The message is empty.</translation>
    </message>
    <message numerus="yes">
        <source>The message is too long (at most %n characters).</source>
        <translation>
            <numerusform>The message is too long (at most %n character).</numerusform>
            <numerusform>The message is too long (at most %n characters).</numerusform>
        </translation>
    </message>
    <message>
        <source>This conversation is not available.</source>
        <translation>This conversation is not available.</translation>
    </message>
    <message>
        <source>The security keys in this conversation changed. Confirm the change before sending.</source>
        <translation>The security keys in this conversation changed. Confirm the change before sending.</translation>
    </message>
    <message>
        <source>The conversation is still being set up. Please wait a moment.</source>
        <translation>The conversation is still being set up. Please wait a moment.</translation>
    </message>
    <message>
        <source>The message could not be encrypted.</source>
        <translation>The message could not be encrypted.</translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation>Not connected to the server.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::SecretStatus</name>
    <message>
        <source>No saved sign-in was found on this computer.</source>
        <translation>No saved sign-in was found on this computer.</translation>
    </message>
    <message>
        <source>Lotse could not find a keychain on this computer, so it cannot store your keys there safely.</source>
        <translation>Lotse could not find a keychain on this computer, so it cannot store your keys there safely.</translation>
    </message>
    <message>
        <source>The keychain is locked or access to it was refused. Please unlock your keychain and try again.</source>
        <translation>The keychain is locked or access to it was refused. Please unlock your keychain and try again.</translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>The passphrase is not correct.</translation>
    </message>
    <message>
        <source>The key file is damaged or was changed, so Lotse cannot open it.</source>
        <translation>The key file is damaged or was changed, so Lotse cannot open it.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>The keychain reported an error.</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>The keychain reported an error: %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::Session</name>
    <message>
        <source>Please enter your user name and password.</source>
        <translation>Please enter your user name and password.</translation>
    </message>
    <message>
        <source>Lotse on %1</source>
        <translation>Lotse on %1</translation>
    </message>
    <message>
        <source>This device could not be registered with the server. %1</source>
        <translation>This device could not be registered with the server. %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::SyncEngine</name>
    <message>
        <source>The change could not be stored on this computer.</source>
        <translation>The change could not be stored on this computer.</translation>
    </message>
    <message>
        <source>The offline copy on this computer could not be updated.</source>
        <translation>The offline copy on this computer could not be updated.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::AvailabilityPage</name>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Weekly hours</translation>
    </message>
    <message>
        <source>Drag over the grid to mark when people can book you; drag over marked time to clear it. Keyboard: arrows move, Shift+arrows select, Space marks or clears.</source>
        <translation>Drag over the grid to mark when people can book you; drag over marked time to clear it. Keyboard: arrows move, Shift+arrows select, Space marks or clears.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Appointment types and durations</source>
        <translation>Appointment types and durations</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Video call</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>On site</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Booking rules</source>
        <translation>Booking rules</translation>
    </message>
    <message>
        <source>Free time before:</source>
        <translation>Free time before:</translation>
    </message>
    <message>
        <source>Free time after:</source>
        <translation>Free time after:</translation>
    </message>
    <message>
        <source>Book at least:</source>
        <translation>Book at least:</translation>
    </message>
    <message>
        <source> hours ahead</source>
        <translation> hours ahead</translation>
    </message>
    <message>
        <source>Book at most:</source>
        <translation>Book at most:</translation>
    </message>
    <message>
        <source> days ahead</source>
        <translation> days ahead</translation>
    </message>
    <message>
        <source>Start times every:</source>
        <translation>Start times every:</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Absences</translation>
    </message>
    <message>
        <source>Note, e.g. holiday (optional)</source>
        <translation>Note, e.g. holiday (optional)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Confirm new bookings automatically</source>
        <translation>Confirm new bookings automatically</translation>
    </message>
    <message>
        <source>Applies to everyone in your organisation. When it is off, each booking waits in Requests until someone confirms it.</source>
        <translation>Applies to everyone in your organisation. When it is off, each booking waits in Requests until someone confirms it.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>No on-site locations yet. Your administrator adds them for the organisation.</source>
        <translation>No on-site locations yet. Your administrator adds them for the organisation.</translation>
    </message>
    <message>
        <source>Where you meet people on site:</source>
        <translation>Where you meet people on site:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Your availability could not be loaded. %1</source>
        <translation>Your availability could not be loaded. %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>Not saved. %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not saved. Please correct the marked fields.</source>
        <translation>Not saved. Please correct the marked fields.</translation>
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
        <translation>No absences planned.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarAgendaView</name>
    <message>
        <source>No appointments in these two weeks.</source>
        <translation>No appointments in these two weeks.</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>All day</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarAppointmentDialog</name>
    <message>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Only you and your colleagues can read this note.</source>
        <translation>Only you and your colleagues can read this note.</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reschedule…</translation>
    </message>
    <message>
        <source>Cancel appointment…</source>
        <translation>Cancel appointment…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Decline…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message:</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Private note</translation>
    </message>
    <message>
        <source>Encrypted on this device for the advisors of your organisation. The help-seeker never sees it, and the server cannot read it.</source>
        <translation>Encrypted on this device for the advisors of your organisation. The help-seeker never sees it, and the server cannot read it.</translation>
    </message>
    <message>
        <source>The note is too long (at most %1 characters).</source>
        <translation>The note is too long (at most %1 characters).</translation>
    </message>
    <message>
        <source>This appointment no longer exists.</source>
        <translation>This appointment no longer exists.</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>(no name given)</translation>
    </message>
    <message>
        <source>Encrypted request</source>
        <translation>Encrypted request</translation>
    </message>
    <message>
        <source>Phone appointment</source>
        <translation>Phone appointment</translation>
    </message>
    <message>
        <source>Appointment on site</source>
        <translation>Appointment on site</translation>
    </message>
    <message>
        <source>Video appointment</source>
        <translation>Video appointment</translation>
    </message>
    <message>
        <source>You proposed %1, %2–%3 instead; waiting for their answer.</source>
        <extracomment>%1 date, %2 start time, %3 end time of the time the advisor proposed</extracomment>
        <translation>You proposed %1, %2–%3 instead; waiting for their answer.</translation>
    </message>
    <message>
        <source>The personal details were encrypted for other devices of your organisation, not for this one.</source>
        <translation>The personal details were encrypted for other devices of your organisation, not for this one.</translation>
    </message>
    <message>
        <source>The personal details could not be decrypted: the data is damaged or was changed.</source>
        <translation>The personal details could not be decrypted: the data is damaged or was changed.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>(no number given)</source>
        <translation>(no number given)</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Where:</translation>
    </message>
    <message>
        <source>(location unknown)</source>
        <translation>(location unknown)</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>Video:</translation>
    </message>
    <message>
        <source>A video call in Lotse; the help-seeker joins from the link in their e-mail.</source>
        <translation>A video call in Lotse; the help-seeker joins from the link in their e-mail.</translation>
    </message>
    <message>
        <source>The note was encrypted for other devices and cannot be shown here.</source>
        <translation>The note was encrypted for other devices and cannot be shown here.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Not saved: this device is not registered with your organisation.</source>
        <translation>Not saved: this device is not registered with your organisation.</translation>
    </message>
    <message>
        <source>Not saved: the note is too long (at most %1 characters).</source>
        <translation>Not saved: the note is too long (at most %1 characters).</translation>
    </message>
    <message>
        <source>Not saved: the note could not be encrypted.</source>
        <translation>Not saved: the note could not be encrypted.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Open conversation</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarCancelDialog</name>
    <message>
        <source>Cancel the appointment</source>
        <translation>Cancel the appointment</translation>
    </message>
    <message>
        <source>The help-seeker gets an e-mail that the appointment is cancelled. You can add a reason (optional).</source>
        <translation>The help-seeker gets an e-mail that the appointment is cancelled. You can add a reason (optional).</translation>
    </message>
    <message>
        <source>%1 gets an e-mail that the appointment is cancelled. You can add a reason (optional).</source>
        <translation>%1 gets an e-mail that the appointment is cancelled. You can add a reason (optional).</translation>
    </message>
    <message>
        <source>For example: I am ill. Please book a new appointment.</source>
        <translation>For example: I am ill. Please book a new appointment.</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarDayWeekView</name>
    <message>
        <source>Proposed: %1</source>
        <translation>Proposed: %1</translation>
    </message>
    <message>
        <source>Their time: %1</source>
        <translation>Their time: %1</translation>
    </message>
    <message>
        <source>Proposed instead: %1, %2 (waiting for an answer)</source>
        <translation>Proposed instead: %1, %2 (waiting for an answer)</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarExportDialog</name>
    <message>
        <source>Export appointments</source>
        <translation>Export appointments</translation>
    </message>
    <message>
        <source>Lotse writes the appointments of these days into an iCalendar file (.ics) that other calendar apps can open.</source>
        <translation>Lotse writes the appointments of these days into an iCalendar file (.ics) that other calendar apps can open.</translation>
    </message>
    <message>
        <source>Include help-seekers&apos; names</source>
        <translation>Include help-seekers&apos; names</translation>
    </message>
    <message>
        <source>By default the file holds no personal data of help-seekers: only the time and type of each appointment. Include names only in a file that stays on your own device: outside Lotse they are no longer encrypted.</source>
        <translation>By default the file holds no personal data of help-seekers: only the time and type of each appointment. Include names only in a file that stays on your own device: outside Lotse they are no longer encrypted.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To (inclusive):</source>
        <translation>To (inclusive):</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarFilesButton</name>
    <message>
        <source>Import/Export</source>
        <translation>Import/Export</translation>
    </message>
    <message>
        <source>Import a calendar file (.ics) or export your appointments</source>
        <translation>Import a calendar file (.ics) or export your appointments</translation>
    </message>
    <message>
        <source>Import calendar file…</source>
        <translation>Import calendar file…</translation>
    </message>
    <message>
        <source>Export appointments…</source>
        <translation>Export appointments…</translation>
    </message>
    <message>
        <source>Block times on the booking page</source>
        <translation>Block times on the booking page</translation>
    </message>
    <message>
        <source>When checked, help-seekers cannot book times when this calendar is busy. Only start and end times are sent to the server, no titles.</source>
        <translation>When checked, help-seekers cannot book times when this calendar is busy. Only start and end times are sent to the server, no titles.</translation>
    </message>
    <message>
        <source>Remove imported calendar</source>
        <translation>Remove imported calendar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Import calendar file</source>
        <translation>Import calendar file</translation>
    </message>
    <message>
        <source>Export appointments</source>
        <translation>Export appointments</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics *.ical)</source>
        <translation>iCalendar files (*.ics *.ical)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>“%1” was not imported. Nothing was changed.</source>
        <translation>“%1” was not imported. Nothing was changed.</translation>
    </message>
    <message>
        <source>Calendar imported</source>
        <translation>Calendar imported</translation>
    </message>
    <message>
        <source>“%1”: %2.</source>
        <translation>“%1”: %2.</translation>
    </message>
    <message>
        <source>The events appear in grey and cannot be changed here. They are kept on this device only and do not block times on your booking page unless you choose so under Import/Export › Block times on the booking page.</source>
        <translation>The events appear in grey and cannot be changed here. They are kept on this device only and do not block times on your booking page unless you choose so under Import/Export › Block times on the booking page.</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Left out:</translation>
    </message>
    <message>
        <source>There are no appointments from %1 to %2. Nothing was exported.</source>
        <translation>There are no appointments from %1 to %2. Nothing was exported.</translation>
    </message>
    <message>
        <source>The appointments were not exported.</source>
        <translation>The appointments were not exported.</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) exported to “%1”.</source>
        <translation>
            <numerusform>%n appointment exported to “%1”.</numerusform>
            <numerusform>%n appointments exported to “%1”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Booking page not updated</source>
        <translation>Booking page not updated</translation>
    </message>
    <message>
        <source>Your choice is kept; Lotse sends the busy times again after the next sign-in.</source>
        <translation>Your choice is kept; Lotse sends the busy times again after the next sign-in.</translation>
    </message>
    <message>
        <source>Remove “%1” and its events from Lotse? The original file is not touched.</source>
        <translation>Remove “%1” and its events from Lotse? The original file is not touched.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarMonthView</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n appointment</numerusform>
            <numerusform>%n appointments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarPage</name>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>%1 – %2, week %3</source>
        <translation>%1 – %2, week %3</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Time zone: %1</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>That time overlaps another of your appointments or proposals. Nothing was changed.</source>
        <translation>That time overlaps another of your appointments or proposals. Nothing was changed.</translation>
    </message>
    <message>
        <source>This appointment can no longer be changed (it was cancelled or declined).</source>
        <translation>This appointment can no longer be changed (it was cancelled or declined).</translation>
    </message>
    <message>
        <source>Appointments can only be moved to a time in the future, 5 minutes to 12 hours long.</source>
        <translation>Appointments can only be moved to a time in the future, 5 minutes to 12 hours long.</translation>
    </message>
    <message>
        <source>Someone else changed this appointment in the meantime. Nothing was changed.</source>
        <translation>Someone else changed this appointment in the meantime. Nothing was changed.</translation>
    </message>
    <message>
        <source>Too late to undo: the e-mail has already been sent.</source>
        <translation>Too late to undo: the e-mail has already been sent.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <extracomment>Date in the undo bar (QDate format: ddd = short weekday, MMM = short month)</extracomment>
        <translation>ddd d MMM</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <extracomment>%1 date, %2 start time, %3 end time</extracomment>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>Moved to %1.</source>
        <translation>Moved to %1.</translation>
    </message>
    <message>
        <source>Moving to %1…</source>
        <translation>Moving to %1…</translation>
    </message>
    <message>
        <source>Appointment cancelled.</source>
        <translation>Appointment cancelled.</translation>
    </message>
    <message>
        <source>Appointment with %1 cancelled.</source>
        <translation>Appointment with %1 cancelled.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Declined. The help-seeker gets an e-mail.</source>
        <translation>Declined. The help-seeker gets an e-mail.</translation>
    </message>
    <message>
        <source>Confirmed. The help-seeker gets an invitation.</source>
        <translation>Confirmed. The help-seeker gets an invitation.</translation>
    </message>
    <message>
        <source>The help-seeker has been sent an e-mail.</source>
        <translation>The help-seeker has been sent an e-mail.</translation>
    </message>
    <message numerus="yes">
        <source>The help-seeker gets an e-mail in %n s.</source>
        <translation>
            <numerusform>The help-seeker gets an e-mail in %n s.</numerusform>
            <numerusform>The help-seeker gets an e-mail in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <source>Undone. No e-mail was sent.</source>
        <translation>Undone. No e-mail was sent.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarRescheduleDialog</name>
    <message>
        <source>Reschedule the appointment</source>
        <translation>Reschedule the appointment</translation>
    </message>
    <message>
        <source>The help-seeker gets an e-mail with the new time. You can undo the change for a short while.</source>
        <translation>The help-seeker gets an e-mail with the new time. You can undo the change for a short while.</translation>
    </message>
    <message>
        <source>%1 gets an e-mail with the new time. You can undo the change for a short while.</source>
        <translation>%1 gets an e-mail with the new time. You can undo the change for a short while.</translation>
    </message>
    <message>
        <source>Currently: %1, %2–%3</source>
        <extracomment>%1 date, %2 start time, %3 end time: the appointment&apos;s time before the move</extracomment>
        <translation>Currently: %1, %2–%3</translation>
    </message>
    <message>
        <source>ddd, d MMM yyyy</source>
        <extracomment>Date field of the reschedule dialog (QDate format: ddd = short weekday, MMM = short month)</extracomment>
        <translation>ddd, d MMM yyyy</translation>
    </message>
    <message>
        <source> min</source>
        <extracomment>Unit after the length of an appointment in minutes, with its leading space</extracomment>
        <translation> min</translation>
    </message>
    <message>
        <source>Looking up your free times…</source>
        <translation>Looking up your free times…</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Length:</translation>
    </message>
    <message>
        <source>Times are in your time zone (%1).</source>
        <translation>Times are in your time zone (%1).</translation>
    </message>
    <message>
        <source>Or pick one of your free times:</source>
        <translation>Or pick one of your free times:</translation>
    </message>
    <message>
        <source>No free times in the next weeks; type a time above.</source>
        <translation>No free times in the next weeks; type a time above.</translation>
    </message>
    <message>
        <source>dddd, d MMMM</source>
        <extracomment>Day heading in the list of free times (QDate format)</extracomment>
        <translation>dddd, d MMMM</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>That time has already passed. Choose a time in the future.</source>
        <translation>That time has already passed. Choose a time in the future.</translation>
    </message>
    <message>
        <source>The appointment is already at this time.</source>
        <translation>The appointment is already at this time.</translation>
    </message>
    <message>
        <source>New time: %1, %2–%3</source>
        <extracomment>%1 date, %2 start time, %3 end time of the new time</extracomment>
        <translation>New time: %1, %2–%3</translation>
    </message>
    <message>
        <source>For the help-seeker: %1 (%2)</source>
        <extracomment>%1 the new start in the help-seeker&apos;s time, %2 their time zone</extracomment>
        <translation>For the help-seeker: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarSettingsBox</name>
    <message>
        <source>Calendars</source>
        <translation>Calendars</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Connect calendar</source>
        <translation>Connect calendar</translation>
    </message>
    <message>
        <source>Looking for your calendars…</source>
        <translation>Looking for your calendars…</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>Busy times from:</source>
        <translation>Busy times from:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;Appointments go to:</source>
        <translation>&amp;Appointments go to:</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Remove account</translation>
    </message>
    <message>
        <source>Events in the ticked calendars count as busy: the booking page does not offer those times. Only the times leave this computer, no titles or participants. Lotse&apos;s appointments go into your calendar without names.</source>
        <translation>Events in the ticked calendars count as busy: the booking page does not offer those times. Only the times leave this computer, no titles or participants. Lotse&apos;s appointments go into your calendar without names.</translation>
    </message>
    <message>
        <source>Connect your calendar (CalDAV, e.g. Nextcloud, mailbox.org or your organisation&apos;s server): its busy times keep the booking page free, and Lotse&apos;s confirmed appointments appear in it.</source>
        <translation>Connect your calendar (CalDAV, e.g. Nextcloud, mailbox.org or your organisation&apos;s server): its busy times keep the booking page free, and Lotse&apos;s confirmed appointments appear in it.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>Nowhere</source>
        <translation>Nowhere</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Last synced: %1</translation>
    </message>
    <message>
        <source>Last synced: never</source>
        <translation>Last synced: never</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Not synced yet.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Busy times are up to date.</source>
        <translation>Busy times are up to date.</translation>
    </message>
    <message>
        <source>Appointments in your calendar: %1</source>
        <translation>Appointments in your calendar: %1</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter the new password of your calendar account. Your choices of calendars stay as they are.</source>
        <translation>Enter the new password of your calendar account. Your choices of calendars stay as they are.</translation>
    </message>
    <message>
        <source>Save password</source>
        <translation>Save password</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CallWindow</name>
    <message>
        <source>Lotse may not use the camera or microphone. Allow it in the system settings.</source>
        <translation>Lotse may not use the camera or microphone. Allow it in the system settings.</translation>
    </message>
    <message>
        <source>Before you join</source>
        <translation>Before you join</translation>
    </message>
    <message>
        <source>Check your picture and sound. Nobody sees or hears you before you join.</source>
        <translation>Check your picture and sound. Nobody sees or hears you before you join.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Audio only (for a weak connection)</source>
        <translation>Audio only (for a weak connection)</translation>
    </message>
    <message>
        <source>Join the call</source>
        <translation>Join the call</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <source>Read this code to the person you talk to. If their screen shows the same code, nobody is listening in between.</source>
        <translation>Read this code to the person you talk to. If their screen shows the same code, nobody is listening in between.</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Invite interpreter…</source>
        <translation>Invite interpreter…</translation>
    </message>
    <message>
        <source>Create a link an interpreter can join this call with (valid for 24 hours)</source>
        <translation>Create a link an interpreter can join this call with (valid for 24 hours)</translation>
    </message>
    <message>
        <source>Remove interpreter</source>
        <translation>Remove interpreter</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Video call with %1</source>
        <translation>Video call with %1</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Joining…</translation>
    </message>
    <message>
        <source>In the call with %1</source>
        <translation>In the call with %1</translation>
    </message>
    <message>
        <source>Waiting for %1 to join…</source>
        <translation>Waiting for %1 to join…</translation>
    </message>
    <message>
        <source>The connection failed. The call has ended.</source>
        <translation>The connection failed. The call has ended.</translation>
    </message>
    <message>
        <source>The call has ended.</source>
        <translation>The call has ended.</translation>
    </message>
    <message>
        <source>Video call – %1</source>
        <translation>Video call – %1</translation>
    </message>
    <message>
        <source>not yet available</source>
        <translation>not yet available</translation>
    </message>
    <message>
        <source>You (this device)</source>
        <translation>You (this device)</translation>
    </message>
    <message>
        <source>Help-seeker</source>
        <translation>Help-seeker</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>%1 (another advisor device)</source>
        <translation>%1 (another advisor device)</translation>
    </message>
    <message>
        <source>This conversation already has three open interpreter invitations.</source>
        <translation>This conversation already has three open interpreter invitations.</translation>
    </message>
    <message>
        <source>The invitation could not be created: %1</source>
        <translation>The invitation could not be created: %1</translation>
    </message>
    <message>
        <source>Invite an interpreter</source>
        <translation>Invite an interpreter</translation>
    </message>
    <message>
        <source>Send this link to the interpreter over a safe channel. It works for 24 hours and only for this conversation&apos;s calls; anyone with the link can join.</source>
        <translation>Send this link to the interpreter over a safe channel. It works for 24 hours and only for this conversation&apos;s calls; anyone with the link can join.</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>The interpreter could not be removed: %1</source>
        <translation>The interpreter could not be removed: %1</translation>
    </message>
    <message>
        <source>No camera or microphone was found. You can still join and hear the others.</source>
        <translation>No camera or microphone was found. You can still join and hear the others.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ChatView</name>
    <message>
        <source>Verification code</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <source>Read this code to the person you talk to. If their screen shows the same code, nobody is listening in between.</source>
        <translation>Read this code to the person you talk to. If their screen shows the same code, nobody is listening in between.</translation>
    </message>
    <message>
        <source>The security keys in this conversation changed: a device was added or removed. Compare the verification code with the person again before you write anything personal.</source>
        <translation>The security keys in this conversation changed: a device was added or removed. Compare the verification code with the person again before you write anything personal.</translation>
    </message>
    <message>
        <source>I have checked the code</source>
        <translation>I have checked the code</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <source>Send a file (encrypted on this device; you can also drop files here)</source>
        <translation>Send a file (encrypted on this device; you can also drop files here)</translation>
    </message>
    <message>
        <source>Write a message… (Enter sends, Shift+Enter starts a new line)</source>
        <translation>Write a message… (Enter sends, Shift+Enter starts a new line)</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Send a file</translation>
    </message>
    <message>
        <source>Encrypting and sending %1…</source>
        <translation>Encrypting and sending %1…</translation>
    </message>
    <message>
        <source>Downloading and decrypting %1…</source>
        <translation>Downloading and decrypting %1…</translation>
    </message>
    <message>
        <source>The file was sent.</source>
        <translation>The file was sent.</translation>
    </message>
    <message>
        <source>The file was saved.</source>
        <translation>The file was saved.</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Save file</translation>
    </message>
    <message>
        <source>Instant call</source>
        <translation>Instant call</translation>
    </message>
    <message>
        <source>Booking (name not readable on this device)</source>
        <translation>Booking (name not readable on this device)</translation>
    </message>
    <message>
        <source>Conversation about a booking</source>
        <translation>Conversation about a booking</translation>
    </message>
    <message>
        <source>not yet available</source>
        <translation>not yet available</translation>
    </message>
    <message>
        <source>No messages yet. Write the first one below.</source>
        <translation>No messages yet. Write the first one below.</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Loading the conversation…</translation>
    </message>
    <message>
        <source>A message could not be decrypted</source>
        <translation>A message could not be decrypted</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>sending…</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>not sent</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>Help-seeker</source>
        <translation>Help-seeker</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Video call</translation>
    </message>
    <message>
        <source>Start an end-to-end encrypted video call in this conversation</source>
        <translation>Start an end-to-end encrypted video call in this conversation</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>A participant</source>
        <translation>A participant</translation>
    </message>
    <message>
        <source>The interpreter</source>
        <translation>The interpreter</translation>
    </message>
    <message>
        <source>%1 is calling</source>
        <translation>%1 is calling</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ConflictDialog</name>
    <message>
        <source>Confirm the appointment</source>
        <translation>Confirm the appointment</translation>
    </message>
    <message>
        <source>Decline: “%1”</source>
        <translation>Decline: “%1”</translation>
    </message>
    <message>
        <source>Propose another time: %1</source>
        <translation>Propose another time: %1</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Move to %1</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>Cancel the appointment</translation>
    </message>
    <message>
        <source>Change your private note</source>
        <translation>Change your private note</translation>
    </message>
    <message>
        <source>Mark the message as done</source>
        <translation>Mark the message as done</translation>
    </message>
    <message>
        <source>Changed on the server</source>
        <translation>Changed on the server</translation>
    </message>
    <message>
        <source>This appointment was changed on the server after you changed it here. Which version should count?</source>
        <translation>This appointment was changed on the server after you changed it here. Which version should count?</translation>
    </message>
    <message>
        <source>The appointment with %1 was changed on the server after you changed it here. Which version should count?</source>
        <translation>The appointment with %1 was changed on the server after you changed it here. Which version should count?</translation>
    </message>
    <message>
        <source>Your change:</source>
        <translation>Your change:</translation>
    </message>
    <message>
        <source>Now on the server:</source>
        <translation>Now on the server:</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Take theirs</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ConversationsPage</name>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Search in messages on this device</source>
        <translation>Search in messages on this device</translation>
    </message>
    <message>
        <source>No conversations yet. A conversation starts with each confirmed booking and each instant call you take.</source>
        <translation>No conversations yet. A conversation starts with each confirmed booking and each instant call you take.</translation>
    </message>
    <message>
        <source>Choose a conversation on the left.

Messages are end-to-end encrypted: only this device and the help-seeker&apos;s browser can read them.</source>
        <translation>Choose a conversation on the left.

Messages are end-to-end encrypted: only this device and the help-seeker&apos;s browser can read them.</translation>
    </message>
    <message>
        <source>Instant call</source>
        <translation>Instant call</translation>
    </message>
    <message>
        <source>Name not readable here</source>
        <translation>Name not readable here</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>You: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Booking</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Only messages held on this device are searched.</source>
        <translation>Only messages held on this device are searched.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::DeclineDialog</name>
    <message>
        <source>Decline the request</source>
        <translation>Decline the request</translation>
    </message>
    <message>
        <source>Please say why you cannot take this appointment. The reason is sent by e-mail.</source>
        <translation>Please say why you cannot take this appointment. The reason is sent by e-mail.</translation>
    </message>
    <message>
        <source>Please tell %1 why you cannot take this appointment. The reason is sent by e-mail.</source>
        <translation>Please tell %1 why you cannot take this appointment. The reason is sent by e-mail.</translation>
    </message>
    <message>
        <source>For example: I am fully booked that week. Please choose another day.</source>
        <translation>For example: I am fully booked that week. Please choose another day.</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::KeyStoragePage</name>
    <message>
        <source>No keychain available</source>
        <translation>No keychain available</translation>
    </message>
    <message>
        <source>Lotse keeps this device&apos;s private keys and your sign-in in the system keychain, but none could be used on this computer. You can protect them with a passphrase instead: Lotse then stores them in an encrypted file and asks for the passphrase each time it starts.</source>
        <translation>Lotse keeps this device&apos;s private keys and your sign-in in the system keychain, but none could be used on this computer. You can protect them with a passphrase instead: Lotse then stores them in an encrypted file and asks for the passphrase each time it starts.</translation>
    </message>
    <message numerus="yes">
        <source>New &amp;passphrase (at least %n characters)</source>
        <translation>
            <numerusform>New &amp;passphrase (at least %n character)</numerusform>
            <numerusform>New &amp;passphrase (at least %n characters)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase</source>
        <translation>&amp;Repeat passphrase</translation>
    </message>
    <message>
        <source>Use passphrase</source>
        <translation>Use passphrase</translation>
    </message>
    <message>
        <source>Try keychain again</source>
        <translation>Try keychain again</translation>
    </message>
    <message>
        <source>Unlock your keys</source>
        <translation>Unlock your keys</translation>
    </message>
    <message>
        <source>This device&apos;s keys are stored in a passphrase-protected file. Enter the passphrase to continue.</source>
        <translation>This device&apos;s keys are stored in a passphrase-protected file. Enter the passphrase to continue.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message numerus="yes">
        <source>Please choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Please choose a passphrase of at least %n character.</numerusform>
            <numerusform>Please choose a passphrase of at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
        <source>What the system reported: %1</source>
        <translation>What the system reported: %1</translation>
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
        <translation>Someone is waiting</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) joined the waiting room for an instant call.</source>
        <translation>
            <numerusform>%n person joined the waiting room for an instant call.</numerusform>
            <numerusform>%n people joined the waiting room for an instant call.</numerusform>
        </translation>
    </message>
    <message>
        <source>a help-seeker</source>
        <translation>a help-seeker</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>New message</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>New message from %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <source>%1 · signed in as %2 on %3</source>
        <translation>%1 · signed in as %2 on %3</translation>
    </message>
    <message>
        <source>This device is registered. Its keys are protected by your passphrase.</source>
        <translation>This device is registered. Its keys are protected by your passphrase.</translation>
    </message>
    <message>
        <source>This device is registered. Its keys are kept in the system keychain.</source>
        <translation>This device is registered. Its keys are kept in the system keychain.</translation>
    </message>
    <message>
        <source>Calendar, booking requests and conversations will appear in the sidebar as they become available.</source>
        <translation>Calendar, booking requests and conversations will appear in the sidebar as they become available.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ProposeDialog</name>
    <message>
        <source>Propose another time</source>
        <translation>Propose another time</translation>
    </message>
    <message>
        <source>Choose one of your free times. The person gets an e-mail with a link to accept it.</source>
        <translation>Choose one of your free times. The person gets an e-mail with a link to accept it.</translation>
    </message>
    <message>
        <source>Looking up your free times…</source>
        <translation>Looking up your free times…</translation>
    </message>
    <message>
        <source>Propose this time</source>
        <translation>Propose this time</translation>
    </message>
    <message>
        <source>You have no free times in the next weeks. Add hours on the Availability page.</source>
        <translation>You have no free times in the next weeks. Add hours on the Availability page.</translation>
    </message>
    <message>
        <source>Times are in your time zone (%1).</source>
        <translation>Times are in your time zone (%1).</translation>
    </message>
    <message>
        <source>dddd, d MMMM</source>
        <extracomment>Day heading in the list of free times (QDate format)</extracomment>
        <translation>dddd, d MMMM</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Reschedule the appointment</source>
        <translation>Reschedule the appointment</translation>
    </message>
    <message>
        <source>Choose one of your free times. The appointment moves there, and the help-seeker gets an e-mail with the new time.</source>
        <translation>Choose one of your free times. The appointment moves there, and the help-seeker gets an e-mail with the new time.</translation>
    </message>
    <message>
        <source>Move to this time</source>
        <translation>Move to this time</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::QueuePage</name>
    <message>
        <source>Waiting room</source>
        <translation>Waiting room</translation>
    </message>
    <message>
        <source>People waiting for an instant call, longest waiting first. Their names are decrypted on this device only.</source>
        <translation>People waiting for an instant call, longest waiting first. Their names are decrypted on this device only.</translation>
    </message>
    <message>
        <source>Nobody is waiting right now. You will hear a chime when someone arrives.</source>
        <translation>Nobody is waiting right now. You will hear a chime when someone arrives.</translation>
    </message>
    <message>
        <source>Take next</source>
        <translation>Take next</translation>
    </message>
    <message>
        <source>Take selected</source>
        <translation>Take selected</translation>
    </message>
    <message>
        <source>Name not readable on this device</source>
        <translation>Name not readable on this device</translation>
    </message>
    <message>
        <source>Waiting for %1 · position %2</source>
        <translation>Waiting for %1 · position %2</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::RequestsPage</name>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>No requests yet. New bookings and messages appear here by themselves.</source>
        <translation>No requests yet. New bookings and messages appear here by themselves.</translation>
    </message>
    <message>
        <source>Choose a request on the left to see its details.</source>
        <translation>Choose a request on the left to see its details.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message:</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Propose another time…</source>
        <translation>Propose another time…</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Decline…</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Updated at %1</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>(no name given)</translation>
    </message>
    <message>
        <source>Contact message</source>
        <translation>Contact message</translation>
    </message>
    <message>
        <source>Phone appointment</source>
        <translation>Phone appointment</translation>
    </message>
    <message>
        <source>Appointment on site</source>
        <translation>Appointment on site</translation>
    </message>
    <message>
        <source>Video appointment</source>
        <translation>Video appointment</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The name and message were encrypted for other devices of your organisation, not for this one (for example, before this device was registered). Open the request on one of those devices.</source>
        <translation>The name and message were encrypted for other devices of your organisation, not for this one (for example, before this device was registered). Open the request on one of those devices.</translation>
    </message>
    <message>
        <source>The name and message could not be decrypted: the data is damaged or was changed on the way. You can still answer by e-mail.</source>
        <translation>The name and message could not be decrypted: the data is damaged or was changed on the way. You can still answer by e-mail.</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Where:</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Language of the app:</source>
        <translation>&amp;Language of the app:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Signed in as:</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>Compare these fingerprints when a colleague or your administrator wants to confirm that this device is really yours.</source>
        <translation>Compare these fingerprints when a colleague or your administrator wants to confirm that this device is really yours.</translation>
    </message>
    <message>
        <source>Signing key:</source>
        <translation>Signing key:</translation>
    </message>
    <message>
        <source>Encryption key:</source>
        <translation>Encryption key:</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>System language (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The private keys are stored in a passphrase-protected key file.</source>
        <translation>The private keys are stored in a passphrase-protected key file.</translation>
    </message>
    <message>
        <source>The private keys are stored in the system keychain.</source>
        <translation>The private keys are stored in the system keychain.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::SignInPage</name>
    <message>
        <source>Sign in to Lotse</source>
        <translation>Sign in to Lotse</translation>
    </message>
    <message>
        <source>Use the account your counselling service gave you.</source>
        <translation>Use the account your counselling service gave you.</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;Server address</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Security &amp;code</source>
        <translation>Security &amp;code</translation>
    </message>
    <message>
        <source>e.g. anna.berger</source>
        <translation>e.g. anna.berger</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>6 digits from your authenticator app</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>e.g. https://beratung.example.org</source>
        <translation>e.g. https://beratung.example.org</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::StartupPage</name>
    <message>
        <source>One moment, Lotse is getting ready…</source>
        <translation>One moment, Lotse is getting ready…</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::SyncStatusWidget</name>
    <message>
        <source>Hide this notice</source>
        <translation>Hide this notice</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed on the server too</source>
        <translation>Changed on the server too</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Last synced %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n change(s)</source>
        <translation>
            <numerusform>Sending %n change</numerusform>
            <numerusform>Sending %n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <extracomment>%1 the time of the last sync</extracomment>
        <translation>Synced %1</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <source>Last synced with the server: %1</source>
        <translation>Last synced with the server: %1</translation>
    </message>
    <message>
        <source>Not synced with the server yet</source>
        <translation>Not synced with the server yet</translation>
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
        <translation>Show Lotse</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::WeekGridWidget</name>
    <message>
        <source>Weekly hours</source>
        <translation>Weekly hours</translation>
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
        <translation>Lotse, the advisor&apos;s desktop app.</translation>
    </message>
    <message>
        <source>Server address to sign in to.</source>
        <translation>Server address to sign in to.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>User name to sign in with.</source>
        <translation>User name to sign in with.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input and sign in right away.</source>
        <translation>Read the password from the first line of standard input and sign in right away.</translation>
    </message>
    <message>
        <source>Keep settings and keys for this profile in a separate folder.</source>
        <translation>Keep settings and keys for this profile in a separate folder.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>Lotse cannot start</source>
        <translation>Lotse cannot start</translation>
    </message>
    <message>
        <source>The encryption self-test failed (%1). Lotse will not start, so that no data is handled unsafely.</source>
        <translation>The encryption self-test failed (%1). Lotse will not start, so that no data is handled unsafely.</translation>
    </message>
</context>
</TS>
