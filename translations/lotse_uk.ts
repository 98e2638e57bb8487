<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>Lotse::Client::ApiError</name>
    <message>
        <source>The server could not be reached. Please check the server address and your internet connection.</source>
        <translation>Не вдалося з’єднатися із сервером. Перевірте адресу сервера та підключення до інтернету.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established. Please check the server address or ask your administrator.</source>
        <translation>Не вдалося встановити захищене з’єднання із сервером. Перевірте адресу сервера або зверніться до адміністратора.</translation>
    </message>
    <message>
        <source>The server address is not valid. It should look like https://beratung.example.org.</source>
        <translation>Адреса сервера недійсна. Вона має виглядати так: https://beratung.example.org.</translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation>Ім’я користувача або пароль неправильні.</translation>
    </message>
    <message>
        <source>Please enter the six-digit security code from your authenticator app.</source>
        <translation>Введіть шестизначний код безпеки з вашого застосунку-автентифікатора.</translation>
    </message>
    <message>
        <source>The security code is not correct or has expired. Please enter the current code.</source>
        <translation>Код безпеки неправильний або застарів. Введіть поточний код.</translation>
    </message>
    <message>
        <source>This account has been disabled. Please contact your organisation&apos;s administrator.</source>
        <translation>Цей обліковий запис вимкнено. Зверніться до адміністратора вашої організації.</translation>
    </message>
    <message numerus="yes">
        <source>Too many sign-in attempts. Please try again in %n minute(s).</source>
        <translation>
            <numerusform>Забагато спроб входу. Спробуйте ще раз через %n хвилину.</numerusform>
            <numerusform>Забагато спроб входу. Спробуйте ще раз через %n хвилини.</numerusform>
            <numerusform>Забагато спроб входу. Спробуйте ще раз через %n хвилин.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ваш сеанс завершився. Увійдіть знову.</translation>
    </message>
    <message>
        <source>You are no longer signed in. Please sign in again.</source>
        <translation>Ви більше не в системі. Увійдіть знову.</translation>
    </message>
    <message>
        <source>This device&apos;s keys are already registered to another advisor. Please contact your administrator.</source>
        <translation>Ключі цього пристрою вже зареєстровано на іншого консультанта. Зверніться до адміністратора.</translation>
    </message>
    <message>
        <source>The server gave an answer Lotse does not understand. Is this the right server address?</source>
        <translation>Сервер надіслав відповідь, яку Lotse не розуміє. Чи правильна це адреса сервера?</translation>
    </message>
    <message>
        <source>The server has a problem right now (error %1). Please try again later.</source>
        <translation>На сервері зараз проблема (помилка %1). Спробуйте пізніше.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Сервер відхилив запит: %1</translation>
    </message>
    <message>
        <source>The server refused the request (error %1).</source>
        <translation>Сервер відхилив запит (помилка %1).</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::BusySync</name>
    <message>
        <source>Lotse could not send your busy times to its server: %1</source>
        <translation>Lotse не вдалося надіслати ваш зайнятий час на свій сервер: %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::BusyUploader</name>
    <message>
        <source>Your booking page could not be updated with the busy times of your imported calendars: %1</source>
        <translation>Не вдалося оновити вашу сторінку бронювання зайнятими часами з імпортованих календарів: %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalDavAccount</name>
    <message>
        <source>Please enter the address of your calendar server, for example https://calendar.example.org/.</source>
        <translation>Будь ласка, введіть адресу вашого сервера календаря, наприклад https://calendar.example.org/.</translation>
    </message>
    <message>
        <source>Please enter the user name and password of your calendar account.</source>
        <translation>Будь ласка, введіть ім’я користувача та пароль вашого облікового запису календаря.</translation>
    </message>
    <message>
        <source>Please sign in first: the calendar password is kept with your sign-in.</source>
        <translation>Спершу увійдіть: пароль календаря зберігається разом із вашим входом.</translation>
    </message>
    <message>
        <source>The account has no calendar for appointments.</source>
        <translation>В обліковому записі немає календаря для зустрічей.</translation>
    </message>
    <message>
        <source>No calendar account is set up.</source>
        <translation>Обліковий запис календаря не налаштовано.</translation>
    </message>
    <message>
        <source>The calendar password is missing. Please remove the account and add it again.</source>
        <translation>Пароль календаря відсутній. Будь ласка, видаліть обліковий запис і додайте його знову.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalDavError</name>
    <message>
        <source>The calendar server did not accept the user name or password.</source>
        <translation>Сервер календаря не прийняв ім’я користувача або пароль.</translation>
    </message>
    <message>
        <source>The calendar server could not be reached. Please check your connection; Lotse will try again.</source>
        <translation>Не вдалося зв’язатися із сервером календаря. Перевірте з’єднання; Lotse спробує ще раз.</translation>
    </message>
    <message>
        <source>No server was found at this address. Please check the address.</source>
        <translation>За цією адресою сервер не знайдено. Будь ласка, перевірте адресу.</translation>
    </message>
    <message>
        <source>The secure connection to the calendar server failed: its certificate is not valid or not trusted.</source>
        <translation>Не вдалося встановити захищене з’єднання із сервером календаря: його сертифікат недійсний або йому не довіряють.</translation>
    </message>
    <message>
        <source>The server at this address does not answer like a CalDAV calendar server.</source>
        <translation>Сервер за цією адресою відповідає не так, як сервер календаря CalDAV.</translation>
    </message>
    <message>
        <source>The event was changed in your calendar at the same time. Lotse will try again.</source>
        <translation>Подію одночасно змінили у вашому календарі. Lotse спробує ще раз.</translation>
    </message>
    <message>
        <source>The calendar or event no longer exists on the calendar server.</source>
        <translation>Календаря або події більше немає на сервері календаря.</translation>
    </message>
    <message>
        <source>The calendar server reported a problem (%1). Lotse will try again later.</source>
        <translation>Сервер календаря повідомив про проблему (%1). Lotse спробує пізніше ще раз.</translation>
    </message>
    <message>
        <source>The address must start with https://, so that your password is never sent readable.</source>
        <translation>Адреса має починатися з https://, щоб ваш пароль ніколи не передавався у відкритому вигляді.</translation>
    </message>
    <message>
        <source>The calendar server refused the request (%1).</source>
        <translation>Сервер календаря відхилив запит (%1).</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalendarPublisher</name>
    <message>
        <source>Counselling (phone)</source>
        <translation>Консультація (телефон)</translation>
    </message>
    <message>
        <source>Counselling (on site)</source>
        <translation>Консультація (особисто)</translation>
    </message>
    <message>
        <source>Counselling (video)</source>
        <translation>Консультація (відео)</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CalendarService</name>
    <message>
        <source>Appointment</source>
        <translation>Зустріч</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(без назви)</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::CallBridge</name>
    <message>
        <source>Help-seeker</source>
        <translation>Людина, що звернулася</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Перекладач(ка)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Ви</translation>
    </message>
    <message>
        <source>The conversation&apos;s key is not ready yet. Please try again in a moment.</source>
        <translation>Ключ цієї розмови ще не готовий. Будь ласка, спробуйте ще раз за мить.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::DeviceKeyStore</name>
    <message>
        <source>the stored device keys are damaged</source>
        <translation>збережені ключі пристрою пошкоджено</translation>
    </message>
    <message>
        <source>the new device keys could not be read back</source>
        <translation>нові ключі пристрою не вдалося прочитати</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::IcsExport</name>
    <message>
        <source>Counselling (phone)</source>
        <translation>Консультація (телефон)</translation>
    </message>
    <message>
        <source>Counselling (on site)</source>
        <translation>Консультація (на місці)</translation>
    </message>
    <message>
        <source>Counselling (video)</source>
        <translation>Консультація (відео)</translation>
    </message>
    <message>
        <source>Counselling</source>
        <translation>Консультація</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>summary: help-seeker&apos;s name</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>Не вдалося записати «%1»: %2</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::ImportedCalendars</name>
    <message>
        <source>The file is empty.</source>
        <translation>Файл порожній.</translation>
    </message>
    <message>
        <source>The file is saved as UTF-16 text; Lotse reads calendar files in UTF-8. Export the calendar again, or save the file as UTF-8.</source>
        <translation>Файл збережено як текст UTF-16; Lotse читає файли календарів у UTF-8. Експортуйте календар ще раз або збережіть файл у UTF-8.</translation>
    </message>
    <message>
        <source>This is not an iCalendar file (.ics): it holds binary data.</source>
        <translation>Це не файл iCalendar (.ics): він містить двійкові дані.</translation>
    </message>
    <message>
        <source>This is not an iCalendar file (.ics): it is not UTF-8 text.</source>
        <translation>Це не файл iCalendar (.ics): це не текст у кодуванні UTF-8.</translation>
    </message>
    <message>
        <source>This is a web page (HTML), not an iCalendar file. If it came from a calendar service, use its “Export” or “iCal” link instead.</source>
        <translation>Це вебсторінка (HTML), а не файл iCalendar. Якщо вона з календарного сервісу, скористайтеся натомість його посиланням «Експорт» або «iCal».</translation>
    </message>
    <message>
        <source>This is not an iCalendar file (.ics): it does not begin with BEGIN:VCALENDAR.</source>
        <translation>Це не файл iCalendar (.ics): він не починається з BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>The file is damaged: line %1 comes after the end of the calendar.</source>
        <translation>Файл пошкоджено: рядок %1 стоїть після кінця календаря.</translation>
    </message>
    <message>
        <source>The file is damaged: line %1 ends %2, but %3 is open.</source>
        <translation>Файл пошкоджено: рядок %1 закриває %2, але відкрито %3.</translation>
    </message>
    <message>
        <source>The file is incomplete: it ends inside %1 (opened on line %2). It was probably cut off while downloading or copying.</source>
        <translation>Файл неповний: він закінчується всередині %1 (відкрито в рядку %2). Імовірно, його обрізано під час завантаження або копіювання.</translation>
    </message>
    <message>
        <source>The file is larger than 5 MB. Lotse imports calendar files up to 5 MB.</source>
        <translation>Файл більший за 5 МБ. Lotse імпортує файли календарів розміром до 5 МБ.</translation>
    </message>
    <message>
        <source>The file could not be read as a calendar.</source>
        <translation>Не вдалося прочитати файл як календар.</translation>
    </message>
    <message>
        <source>no valid start time</source>
        <translation>немає дійсного часу початку</translation>
    </message>
    <message>
        <source>ends before it begins</source>
        <translation>закінчується раніше, ніж починається</translation>
    </message>
    <message>
        <source>repeats more often than every hour</source>
        <translation>повторюється частіше, ніж щогодини</translation>
    </message>
    <message>
        <source>The file holds no events.</source>
        <translation>Файл не містить жодної події.</translation>
    </message>
    <message>
        <source>No event in the file could be read: %1</source>
        <translation>Жодну подію з файлу не вдалося прочитати: %1</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>«%1» не є файлом.</translation>
    </message>
    <message>
        <source>“%1” could not be opened: %2</source>
        <translation>Не вдалося відкрити «%1»: %2</translation>
    </message>
    <message>
        <source>The folder for imported calendars could not be created: %1</source>
        <translation>Не вдалося створити теку для імпортованих календарів: %1</translation>
    </message>
    <message>
        <source>The imported calendar could not be saved: %1</source>
        <translation>Не вдалося зберегти імпортований календар: %1</translation>
    </message>
    <message>
        <source>This imported calendar no longer exists.</source>
        <translation>Цього імпортованого календаря більше не існує.</translation>
    </message>
    <message>
        <source>The imported calendar could not be removed from %1.</source>
        <translation>Не вдалося видалити імпортований календар із %1.</translation>
    </message>
    <message>
        <source>The choice could not be saved: %1</source>
        <translation>Не вдалося зберегти вибір: %1</translation>
    </message>
    <message>
        <source>%1: the calendar file is missing.</source>
        <translation>%1: файл календаря відсутній.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n подія</numerusform>
            <numerusform>%n події</numerusform>
            <numerusform>%n подій</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recurring</source>
        <translation>
            <numerusform>%n повторювана</numerusform>
            <numerusform>%n повторювані</numerusform>
            <numerusform>%n повторюваних</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n пропущена</numerusform>
            <numerusform>%n пропущені</numerusform>
            <numerusform>%n пропущених</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lotse::Client::InstantQueue</name>
    <message>
        <source>Not connected.</source>
        <translation>Немає з’єднання.</translation>
    </message>
    <message>
        <source>A colleague has already taken this call. It is no longer in the queue.</source>
        <translation>Колега вже прийняв(-ла) цей виклик. Його більше немає в черзі.</translation>
    </message>
    <message>
        <source>This person is no longer waiting.</source>
        <translation>Ця людина вже не чекає.</translation>
    </message>
    <message>
        <source>Nobody is waiting right now.</source>
        <translation>Зараз ніхто не чекає.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::KeyFile</name>
    <message>
        <source>not enough memory to protect the keys</source>
        <translation>недостатньо пам’яті, щоб захистити ключі</translation>
    </message>
    <message>
        <source>not enough memory to open the keys</source>
        <translation>недостатньо пам’яті, щоб відкрити ключі</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::LocalStore</name>
    <message>
        <source>it was written with another key</source>
        <translation>її записано іншим ключем</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>файл пошкоджено</translation>
    </message>
    <message>
        <source>the file is not a Lotse offline copy</source>
        <translation>файл не є офлайн-копією Lotse</translation>
    </message>
    <message>
        <source>it comes from another version of Lotse</source>
        <translation>її створила інша версія Lotse</translation>
    </message>
    <message>
        <source>The offline copy of your requests could not be opened (%1). Lotse starts a new one and fetches everything from the server again.</source>
        <extracomment>%1 why (e.g. &quot;the file is damaged&quot;)</extracomment>
        <translation>Не вдалося відкрити офлайн-копію ваших запитів (%1). Lotse створює нову й знову завантажує все із сервера.</translation>
    </message>
    <message>
        <source>Changes you made offline that were not sent yet could not be read. The old copy is kept at %1.</source>
        <translation>Не вдалося прочитати зміни, які ви зробили офлайн і ще не надіслали. Стару копію збережено тут: %1.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RequestsModel</name>
    <message>
        <source>Sealed to another device</source>
        <translation>Зашифровано для іншого пристрою</translation>
    </message>
    <message>
        <source>Could not be decrypted</source>
        <translation>Не вдалося розшифрувати</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Виконано</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Нове повідомлення</translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>Чекає на вас</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Підтверджено</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Відхилено</translation>
    </message>
    <message>
        <source>Other time proposed</source>
        <translation>Запропоновано інший час</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>ddd, d MMM yyyy</source>
        <extracomment>Date format of the requests list (QDateTime format: ddd = short weekday, MMM = short month)</extracomment>
        <translation>ddd, d MMM yyyy &apos;р.&apos;</translation>
    </message>
    <message>
        <source>Received %1, %2</source>
        <translation>Отримано %1, %2</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>%1 (%2 for them, %3)</source>
        <extracomment>%1 the appointment in the advisor&apos;s time, %2 the start in the help-seeker&apos;s time, %3 their zone</extracomment>
        <translation>%1 (%2 у людини, %3)</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RequestsService</name>
    <message>
        <source>Lotse could not keep a copy of your requests on this computer.</source>
        <translation>Lotse не вдалося зберегти копію ваших запитів на цьому комп’ютері.</translation>
    </message>
    <message>
        <source>The change could not be stored on this computer, so it was not made.</source>
        <translation>Зміну не вдалося зберегти на цьому комп’ютері, тому її не внесено.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RoomFiles</name>
    <message>
        <source>The file %1 could not be read.</source>
        <translation>Не вдалося прочитати файл %1.</translation>
    </message>
    <message>
        <source>The file %1 is too large (at most %2 MB).</source>
        <translation>Файл %1 завеликий (не більше %2 МБ).</translation>
    </message>
    <message>
        <source>The file could not be encrypted.</source>
        <translation>Не вдалося зашифрувати файл.</translation>
    </message>
    <message>
        <source>The file is too large for the server.</source>
        <translation>Файл завеликий для сервера.</translation>
    </message>
    <message>
        <source>This file is not part of the conversation.</source>
        <translation>Цей файл не належить до цієї розмови.</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>Не вдалося записати %1.</translation>
    </message>
    <message>
        <source>The file could not be decrypted: it is damaged or was changed. Nothing was saved.</source>
        <translation>Не вдалося розшифрувати файл: він пошкоджений або змінений. Нічого не збережено.</translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation>Не вдалося зберегти файл.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::RoomService</name>
    <message>
        <source>The conversation&apos;s key could not be set up. Please try again later.</source>
        <translation>Не вдалося налаштувати ключ розмови. Спробуйте пізніше.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Повідомлення порожнє.</translation>
    </message>
    <message numerus="yes">
        <source>The message is too long (at most %n characters).</source>
        <translation>
            <numerusform>Повідомлення задовге (не більше %n символу).</numerusform>
            <numerusform>Повідомлення задовге (не більше %n символів).</numerusform>
            <numerusform>Повідомлення задовге (не більше %n символів).</numerusform>
        </translation>
    </message>
    <message>
        <source>This conversation is not available.</source>
        <translation>Ця розмова недоступна.</translation>
    </message>
    <message>
        <source>The security keys in this conversation changed. Confirm the change before sending.</source>
        <translation>Ключі безпеки в цій розмові змінилися. Підтвердьте зміну, перш ніж надсилати.</translation>
    </message>
    <message>
        <source>The conversation is still being set up. Please wait a moment.</source>
        <translation>Розмова ще налаштовується. Зачекайте хвилинку.</translation>
    </message>
    <message>
        <source>The message could not be encrypted.</source>
        <translation>Не вдалося зашифрувати повідомлення.</translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation>Немає з’єднання із сервером.</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::SecretStatus</name>
    <message>
        <source>No saved sign-in was found on this computer.</source>
        <translation>На цьому комп’ютері не знайдено збереженого входу.</translation>
    </message>
    <message>
        <source>Lotse could not find a keychain on this computer, so it cannot store your keys there safely.</source>
        <translation>Lotse не знайшов на цьому комп’ютері сховища ключів, тому не може надійно зберегти там ваші ключі.</translation>
    </message>
    <message>
        <source>The keychain is locked or access to it was refused. Please unlock your keychain and try again.</source>
        <translation>Сховище ключів заблоковане або доступ до нього заборонено. Розблокуйте сховище ключів і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>Парольна фраза неправильна.</translation>
    </message>
    <message>
        <source>The key file is damaged or was changed, so Lotse cannot open it.</source>
        <translation>Файл ключів пошкоджено або змінено, тому Lotse не може його відкрити.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>Сховище ключів повідомило про помилку.</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>Сховище ключів повідомило про помилку: %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::Session</name>
    <message>
        <source>Please enter your user name and password.</source>
        <translation>Введіть ім’я користувача та пароль.</translation>
    </message>
    <message>
        <source>Lotse on %1</source>
        <translation>Lotse на %1</translation>
    </message>
    <message>
        <source>This device could not be registered with the server. %1</source>
        <translation>Не вдалося зареєструвати цей пристрій на сервері. %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Client::SyncEngine</name>
    <message>
        <source>The change could not be stored on this computer.</source>
        <translation>Зміну не вдалося зберегти на цьому комп’ютері.</translation>
    </message>
    <message>
        <source>The offline copy on this computer could not be updated.</source>
        <translation>Не вдалося оновити офлайн-копію на цьому комп’ютері.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::AvailabilityPage</name>
    <message>
        <source>Saved.</source>
        <translation>Збережено.</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Доступність</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Години на тиждень</translation>
    </message>
    <message>
        <source>Drag over the grid to mark when people can book you; drag over marked time to clear it. Keyboard: arrows move, Shift+arrows select, Space marks or clears.</source>
        <translation>Проведіть по сітці, щоб позначити час, коли до вас можна записатися; проведіть по позначеному часу, щоб його прибрати. Клавіатура: стрілки переміщують, Shift+стрілки виділяють, пробіл позначає або прибирає.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовий пояс</translation>
    </message>
    <message>
        <source>Appointment types and durations</source>
        <translation>Види консультацій і тривалість</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Відеодзвінок</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Телефонна розмова</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>На місці</translation>
    </message>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source>Booking rules</source>
        <translation>Правила запису</translation>
    </message>
    <message>
        <source>Free time before:</source>
        <translation>Перерва перед:</translation>
    </message>
    <message>
        <source>Free time after:</source>
        <translation>Перерва після:</translation>
    </message>
    <message>
        <source>Book at least:</source>
        <translation>Запис щонайменше за:</translation>
    </message>
    <message>
        <source> hours ahead</source>
        <translation> год</translation>
    </message>
    <message>
        <source>Book at most:</source>
        <translation>Запис щонайбільше за:</translation>
    </message>
    <message>
        <source> days ahead</source>
        <translation> днів</translation>
    </message>
    <message>
        <source>Start times every:</source>
        <translation>Початок кожні:</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 хвилин</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Відсутність</translation>
    </message>
    <message>
        <source>Note, e.g. holiday (optional)</source>
        <translation>Примітка, напр. відпустка (необов’язково)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Додати</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>Confirm new bookings automatically</source>
        <translation>Автоматично підтверджувати нові записи</translation>
    </message>
    <message>
        <source>Applies to everyone in your organisation. When it is off, each booking waits in Requests until someone confirms it.</source>
        <translation>Діє для всіх у вашій організації. Якщо вимкнено, кожен запис чекає в розділі «Запити», доки хтось його не підтвердить.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Скасувати зміни</translation>
    </message>
    <message>
        <source>No on-site locations yet. Your administrator adds them for the organisation.</source>
        <translation>Ще немає місць для зустрічей. Їх додає адміністратор вашої організації.</translation>
    </message>
    <message>
        <source>Where you meet people on site:</source>
        <translation>Де ви зустрічаєтеся з людьми на місці:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>Your availability could not be loaded. %1</source>
        <translation>Не вдалося завантажити вашу доступність. %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Збереження…</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>Не збережено. %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not saved. Please correct the marked fields.</source>
        <translation>Не збережено. Будь ласка, виправте позначені поля.</translation>
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
        <translation>Відсутність не заплановано.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarAgendaView</name>
    <message>
        <source>No appointments in these two weeks.</source>
        <translation>Упродовж цих двох тижнів зустрічей немає.</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Увесь день</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>до %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>з %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarAppointmentDialog</name>
    <message>
        <source>Appointment</source>
        <translation>Зустріч</translation>
    </message>
    <message>
        <source>Only you and your colleagues can read this note.</source>
        <translation>Лише ви та ваші колеги можуть прочитати цю нотатку.</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Зберегти нотатку</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Перенести…</translation>
    </message>
    <message>
        <source>Cancel appointment…</source>
        <translation>Скасувати зустріч…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Підтвердити</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Відхилити…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Ел. пошта:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адреса:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Повідомлення:</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Приватна нотатка</translation>
    </message>
    <message>
        <source>Encrypted on this device for the advisors of your organisation. The help-seeker never sees it, and the server cannot read it.</source>
        <translation>Зашифровано на цьому пристрої для консультантів вашої організації. Людина, яка звернулася, її ніколи не побачить, а сервер не може її прочитати.</translation>
    </message>
    <message>
        <source>The note is too long (at most %1 characters).</source>
        <translation>Нотатка задовга (щонайбільше %1 символів).</translation>
    </message>
    <message>
        <source>This appointment no longer exists.</source>
        <translation>Цієї зустрічі більше не існує.</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>(ім’я не вказано)</translation>
    </message>
    <message>
        <source>Encrypted request</source>
        <translation>Зашифрований запит</translation>
    </message>
    <message>
        <source>Phone appointment</source>
        <translation>Телефонна зустріч</translation>
    </message>
    <message>
        <source>Appointment on site</source>
        <translation>Особиста зустріч</translation>
    </message>
    <message>
        <source>Video appointment</source>
        <translation>Відеозустріч</translation>
    </message>
    <message>
        <source>You proposed %1, %2–%3 instead; waiting for their answer.</source>
        <extracomment>%1 date, %2 start time, %3 end time of the time the advisor proposed</extracomment>
        <translation>Ви запропонували натомість %1, %2–%3; очікуємо на відповідь.</translation>
    </message>
    <message>
        <source>The personal details were encrypted for other devices of your organisation, not for this one.</source>
        <translation>Особисті дані зашифровано для інших пристроїв вашої організації, а не для цього.</translation>
    </message>
    <message>
        <source>The personal details could not be decrypted: the data is damaged or was changed.</source>
        <translation>Не вдалося розшифрувати особисті дані: дані пошкоджено або змінено.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>(no number given)</source>
        <translation>(номер не вказано)</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Де:</translation>
    </message>
    <message>
        <source>(location unknown)</source>
        <translation>(місце невідоме)</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>Відео:</translation>
    </message>
    <message>
        <source>A video call in Lotse; the help-seeker joins from the link in their e-mail.</source>
        <translation>Відеодзвінок у Lotse; людина, яка звернулася, приєднується за посиланням зі свого листа.</translation>
    </message>
    <message>
        <source>The note was encrypted for other devices and cannot be shown here.</source>
        <translation>Нотатку зашифровано для інших пристроїв, тому її не можна показати тут.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Збереження…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Збережено.</translation>
    </message>
    <message>
        <source>Not saved: this device is not registered with your organisation.</source>
        <translation>Не збережено: цей пристрій не зареєстровано у вашій організації.</translation>
    </message>
    <message>
        <source>Not saved: the note is too long (at most %1 characters).</source>
        <translation>Не збережено: нотатка задовга (щонайбільше %1 символів).</translation>
    </message>
    <message>
        <source>Not saved: the note could not be encrypted.</source>
        <translation>Не збережено: нотатку не вдалося зашифрувати.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не збережено: %1</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Відкрити розмову</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarCancelDialog</name>
    <message>
        <source>Cancel the appointment</source>
        <translation>Скасувати зустріч</translation>
    </message>
    <message>
        <source>The help-seeker gets an e-mail that the appointment is cancelled. You can add a reason (optional).</source>
        <translation>Людина, яка звернулася, отримає лист про скасування зустрічі. Ви можете додати причину (необов’язково).</translation>
    </message>
    <message>
        <source>%1 gets an e-mail that the appointment is cancelled. You can add a reason (optional).</source>
        <translation>%1 отримає лист про скасування зустрічі. Ви можете додати причину (необов’язково).</translation>
    </message>
    <message>
        <source>For example: I am ill. Please book a new appointment.</source>
        <translation>Наприклад: я захворіла. Будь ласка, запишіться на нову зустріч.</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Скасувати зустріч</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Залишити</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarDayWeekView</name>
    <message>
        <source>Proposed: %1</source>
        <translation>Запропоновано: %1</translation>
    </message>
    <message>
        <source>Their time: %1</source>
        <translation>Їхній час: %1</translation>
    </message>
    <message>
        <source>Proposed instead: %1, %2 (waiting for an answer)</source>
        <translation>Натомість запропоновано: %1, %2 (очікуємо на відповідь)</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarExportDialog</name>
    <message>
        <source>Export appointments</source>
        <translation>Експортувати зустрічі</translation>
    </message>
    <message>
        <source>Lotse writes the appointments of these days into an iCalendar file (.ics) that other calendar apps can open.</source>
        <translation>Lotse записує зустрічі цих днів у файл iCalendar (.ics), який можуть відкрити інші календарні застосунки.</translation>
    </message>
    <message>
        <source>Include help-seekers&apos; names</source>
        <translation>Додати імена тих, хто звертається по допомогу</translation>
    </message>
    <message>
        <source>By default the file holds no personal data of help-seekers: only the time and type of each appointment. Include names only in a file that stays on your own device: outside Lotse they are no longer encrypted.</source>
        <translation>Типово файл не містить персональних даних тих, хто звертається по допомогу: лише час і вид кожної зустрічі. Додавайте імена лише до файлу, який залишиться на вашому власному пристрої: поза Lotse вони більше не зашифровані.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Експортувати…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Від:</translation>
    </message>
    <message>
        <source>To (inclusive):</source>
        <translation>До (включно):</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarFilesButton</name>
    <message>
        <source>Import/Export</source>
        <translation>Імпорт/експорт</translation>
    </message>
    <message>
        <source>Import a calendar file (.ics) or export your appointments</source>
        <translation>Імпортувати файл календаря (.ics) або експортувати ваші зустрічі</translation>
    </message>
    <message>
        <source>Import calendar file…</source>
        <translation>Імпортувати файл календаря…</translation>
    </message>
    <message>
        <source>Export appointments…</source>
        <translation>Експортувати зустрічі…</translation>
    </message>
    <message>
        <source>Block times on the booking page</source>
        <translation>Блокувати час на сторінці бронювання</translation>
    </message>
    <message>
        <source>When checked, help-seekers cannot book times when this calendar is busy. Only start and end times are sent to the server, no titles.</source>
        <translation>Якщо позначено, ті, хто звертається по допомогу, не можуть бронювати час, коли цей календар зайнятий. На сервер надсилаються лише час початку й кінця, без назв.</translation>
    </message>
    <message>
        <source>Remove imported calendar</source>
        <translation>Видалити імпортований календар</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Import calendar file</source>
        <translation>Імпортувати файл календаря</translation>
    </message>
    <message>
        <source>Export appointments</source>
        <translation>Експортувати зустрічі</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics *.ical)</source>
        <translation>Файли iCalendar (*.ics *.ical)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Усі файли (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Імпорт не вдався</translation>
    </message>
    <message>
        <source>“%1” was not imported. Nothing was changed.</source>
        <translation>«%1» не імпортовано. Нічого не змінено.</translation>
    </message>
    <message>
        <source>Calendar imported</source>
        <translation>Календар імпортовано</translation>
    </message>
    <message>
        <source>“%1”: %2.</source>
        <translation>«%1»: %2.</translation>
    </message>
    <message>
        <source>The events appear in grey and cannot be changed here. They are kept on this device only and do not block times on your booking page unless you choose so under Import/Export › Block times on the booking page.</source>
        <translation>Події показано сірим, і їх тут не можна змінити. Вони зберігаються лише на цьому пристрої й не блокують час на вашій сторінці бронювання, якщо ви не оберете це в Імпорт/експорт › Блокувати час на сторінці бронювання.</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Пропущено:</translation>
    </message>
    <message>
        <source>There are no appointments from %1 to %2. Nothing was exported.</source>
        <translation>З %1 до %2 немає зустрічей. Нічого не експортовано.</translation>
    </message>
    <message>
        <source>The appointments were not exported.</source>
        <translation>Зустрічі не експортовано.</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) exported to “%1”.</source>
        <translation>
            <numerusform>%n зустріч експортовано до «%1».</numerusform>
            <numerusform>%n зустрічі експортовано до «%1».</numerusform>
            <numerusform>%n зустрічей експортовано до «%1».</numerusform>
        </translation>
    </message>
    <message>
        <source>Booking page not updated</source>
        <translation>Сторінку бронювання не оновлено</translation>
    </message>
    <message>
        <source>Your choice is kept; Lotse sends the busy times again after the next sign-in.</source>
        <translation>Ваш вибір збережено; Lotse надішле зайнятий час знову після наступного входу.</translation>
    </message>
    <message>
        <source>Remove “%1” and its events from Lotse? The original file is not touched.</source>
        <translation>Видалити «%1» та його події з Lotse? Початковий файл не буде змінено.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Видалити</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarMonthView</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n зустріч</numerusform>
            <numerusform>%n зустрічі</numerusform>
            <numerusform>%n зустрічей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>ще %n</numerusform>
            <numerusform>ще %n</numerusform>
            <numerusform>ще %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarPage</name>
    <message>
        <source>Calendar</source>
        <translation>Календар</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далі</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Тиждень</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Місяць</translation>
    </message>
    <message>
        <source>%1 – %2, week %3</source>
        <translation>%1 – %2, тиждень %3</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Часовий пояс: %1</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Порядок денний</translation>
    </message>
    <message>
        <source>That time overlaps another of your appointments or proposals. Nothing was changed.</source>
        <translation>Цей час перетинається з іншою вашою зустріччю або пропозицією. Нічого не змінено.</translation>
    </message>
    <message>
        <source>This appointment can no longer be changed (it was cancelled or declined).</source>
        <translation>Цю зустріч більше не можна змінити (її скасовано або відхилено).</translation>
    </message>
    <message>
        <source>Appointments can only be moved to a time in the future, 5 minutes to 12 hours long.</source>
        <translation>Зустрічі можна переносити лише на майбутній час, тривалістю від 5 хвилин до 12 годин.</translation>
    </message>
    <message>
        <source>Someone else changed this appointment in the meantime. Nothing was changed.</source>
        <translation>Хтось інший тим часом змінив цю зустріч. Нічого не змінено.</translation>
    </message>
    <message>
        <source>Too late to undo: the e-mail has already been sent.</source>
        <translation>Запізно скасовувати: лист уже надіслано.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Скасувати зміну</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Приховати</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <extracomment>Date in the undo bar (QDate format: ddd = short weekday, MMM = short month)</extracomment>
        <translation>ddd, d MMM</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <extracomment>%1 date, %2 start time, %3 end time</extracomment>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>Moved to %1.</source>
        <translation>Перенесено на %1.</translation>
    </message>
    <message>
        <source>Moving to %1…</source>
        <translation>Переносимо на %1…</translation>
    </message>
    <message>
        <source>Appointment cancelled.</source>
        <translation>Зустріч скасовано.</translation>
    </message>
    <message>
        <source>Appointment with %1 cancelled.</source>
        <translation>Зустріч з %1 скасовано.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Скасовуємо…</translation>
    </message>
    <message>
        <source>Declined. The help-seeker gets an e-mail.</source>
        <translation>Відхилено. Людина, яка звернулася, отримає лист.</translation>
    </message>
    <message>
        <source>Confirmed. The help-seeker gets an invitation.</source>
        <translation>Підтверджено. Людина, яка звернулася, отримає запрошення.</translation>
    </message>
    <message>
        <source>The help-seeker has been sent an e-mail.</source>
        <translation>Людині, яка звернулася, надіслано лист.</translation>
    </message>
    <message numerus="yes">
        <source>The help-seeker gets an e-mail in %n s.</source>
        <translation>
            <numerusform>Людина, яка звернулася, отримає лист через %n с.</numerusform>
            <numerusform>Людина, яка звернулася, отримає лист через %n с.</numerusform>
            <numerusform>Людина, яка звернулася, отримає лист через %n с.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Скасовуємо зміну…</translation>
    </message>
    <message>
        <source>Undone. No e-mail was sent.</source>
        <translation>Зміну скасовано. Жодного листа не надіслано.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarRescheduleDialog</name>
    <message>
        <source>Reschedule the appointment</source>
        <translation>Перенести зустріч</translation>
    </message>
    <message>
        <source>The help-seeker gets an e-mail with the new time. You can undo the change for a short while.</source>
        <translation>Людина, яка звернулася, отримає лист із новим часом. Ще деякий час ви зможете скасувати цю зміну.</translation>
    </message>
    <message>
        <source>%1 gets an e-mail with the new time. You can undo the change for a short while.</source>
        <translation>%1 отримає лист із новим часом. Ще деякий час ви зможете скасувати цю зміну.</translation>
    </message>
    <message>
        <source>Currently: %1, %2–%3</source>
        <extracomment>%1 date, %2 start time, %3 end time: the appointment&apos;s time before the move</extracomment>
        <translation>Наразі: %1, %2–%3</translation>
    </message>
    <message>
        <source>ddd, d MMM yyyy</source>
        <extracomment>Date field of the reschedule dialog (QDate format: ddd = short weekday, MMM = short month)</extracomment>
        <translation>ddd, d MMM yyyy &apos;р.&apos;</translation>
    </message>
    <message>
        <source> min</source>
        <extracomment>Unit after the length of an appointment in minutes, with its leading space</extracomment>
        <translation> хв</translation>
    </message>
    <message>
        <source>Looking up your free times…</source>
        <translation>Шукаємо ваш вільний час…</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Початок:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Тривалість:</translation>
    </message>
    <message>
        <source>Times are in your time zone (%1).</source>
        <translation>Час указано у вашому часовому поясі (%1).</translation>
    </message>
    <message>
        <source>Or pick one of your free times:</source>
        <translation>Або оберіть один із ваших вільних проміжків:</translation>
    </message>
    <message>
        <source>No free times in the next weeks; type a time above.</source>
        <translation>У найближчі тижні вільного часу немає; введіть час вище.</translation>
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
        <translation>Цей час уже минув. Оберіть час у майбутньому.</translation>
    </message>
    <message>
        <source>The appointment is already at this time.</source>
        <translation>Зустріч уже призначено на цей час.</translation>
    </message>
    <message>
        <source>New time: %1, %2–%3</source>
        <extracomment>%1 date, %2 start time, %3 end time of the new time</extracomment>
        <translation>Новий час: %1, %2–%3</translation>
    </message>
    <message>
        <source>For the help-seeker: %1 (%2)</source>
        <extracomment>%1 the new start in the help-seeker&apos;s time, %2 their time zone</extracomment>
        <translation>Для людини, яка звернулася: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CalendarSettingsBox</name>
    <message>
        <source>Calendars</source>
        <translation>Календарі</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адреса:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Ім’я користувача:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Connect calendar</source>
        <translation>Під’єднати календар</translation>
    </message>
    <message>
        <source>Looking for your calendars…</source>
        <translation>Шукаємо ваші календарі…</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Обліковий запис:</translation>
    </message>
    <message>
        <source>Busy times from:</source>
        <translation>Зайнятий час із:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Стан:</translation>
    </message>
    <message>
        <source>&amp;Appointments go to:</source>
        <translation>&amp;Зустрічі додаються до:</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронізувати зараз</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Видалити обліковий запис</translation>
    </message>
    <message>
        <source>Events in the ticked calendars count as busy: the booking page does not offer those times. Only the times leave this computer, no titles or participants. Lotse&apos;s appointments go into your calendar without names.</source>
        <translation>Події в позначених календарях вважаються зайнятим часом: сторінка бронювання не пропонує цей час. З цього комп’ютера передається лише час, без назв і учасників. Зустрічі Lotse потрапляють до вашого календаря без імен.</translation>
    </message>
    <message>
        <source>Connect your calendar (CalDAV, e.g. Nextcloud, mailbox.org or your organisation&apos;s server): its busy times keep the booking page free, and Lotse&apos;s confirmed appointments appear in it.</source>
        <translation>Під’єднайте свій календар (CalDAV, напр. Nextcloud, mailbox.org або сервер вашої організації): сторінка бронювання не пропонуватиме зайнятий у ньому час, а підтверджені зустрічі Lotse з’являться в ньому.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 на %2</translation>
    </message>
    <message>
        <source>Nowhere</source>
        <translation>Нікуди</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Остання синхронізація: %1</translation>
    </message>
    <message>
        <source>Last synced: never</source>
        <translation>Остання синхронізація: ще не було</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Ще не синхронізовано.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронізація…</translation>
    </message>
    <message>
        <source>Busy times are up to date.</source>
        <translation>Зайнятий час актуальний.</translation>
    </message>
    <message>
        <source>Appointments in your calendar: %1</source>
        <translation>Зустрічі у вашому календарі: %1</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Змінити пароль…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Enter the new password of your calendar account. Your choices of calendars stay as they are.</source>
        <translation>Введіть новий пароль облікового запису календаря. Ваш вибір календарів залишиться без змін.</translation>
    </message>
    <message>
        <source>Save password</source>
        <translation>Зберегти пароль</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::CallWindow</name>
    <message>
        <source>Lotse may not use the camera or microphone. Allow it in the system settings.</source>
        <translation>Lotse не має дозволу на камеру чи мікрофон. Дозвольте це в налаштуваннях системи.</translation>
    </message>
    <message>
        <source>Before you join</source>
        <translation>Перш ніж приєднатися</translation>
    </message>
    <message>
        <source>Check your picture and sound. Nobody sees or hears you before you join.</source>
        <translation>Перевірте зображення і звук. Ніхто не бачить і не чує вас, доки ви не приєднаєтеся.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Мікрофон</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Динамік</translation>
    </message>
    <message>
        <source>Audio only (for a weak connection)</source>
        <translation>Лише звук (для слабкого з’єднання)</translation>
    </message>
    <message>
        <source>Join the call</source>
        <translation>Приєднатися до дзвінка</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Код перевірки</translation>
    </message>
    <message>
        <source>Read this code to the person you talk to. If their screen shows the same code, nobody is listening in between.</source>
        <translation>Прочитайте цей код співрозмовнику. Якщо на його екрані той самий код, ніхто не підслуховує посередині.</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Учасники</translation>
    </message>
    <message>
        <source>Invite interpreter…</source>
        <translation>Запросити перекладача…</translation>
    </message>
    <message>
        <source>Create a link an interpreter can join this call with (valid for 24 hours)</source>
        <translation>Створити посилання, за яким перекладач(ка) зможе приєднатися до цього дзвінка (дійсне 24 години)</translation>
    </message>
    <message>
        <source>Remove interpreter</source>
        <translation>Видалити перекладача</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Типовий пристрій системи</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Розмова</translation>
    </message>
    <message>
        <source>Video call with %1</source>
        <translation>Відеодзвінок з %1</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Приєднання…</translation>
    </message>
    <message>
        <source>In the call with %1</source>
        <translation>У дзвінку з %1</translation>
    </message>
    <message>
        <source>Waiting for %1 to join…</source>
        <translation>Очікування на %1…</translation>
    </message>
    <message>
        <source>The connection failed. The call has ended.</source>
        <translation>З’єднання не вдалося. Дзвінок завершено.</translation>
    </message>
    <message>
        <source>The call has ended.</source>
        <translation>Дзвінок завершено.</translation>
    </message>
    <message>
        <source>Video call – %1</source>
        <translation>Відеодзвінок – %1</translation>
    </message>
    <message>
        <source>not yet available</source>
        <translation>ще недоступний</translation>
    </message>
    <message>
        <source>You (this device)</source>
        <translation>Ви (цей пристрій)</translation>
    </message>
    <message>
        <source>Help-seeker</source>
        <translation>Людина, що звернулася</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Перекладач(ка)</translation>
    </message>
    <message>
        <source>%1 (another advisor device)</source>
        <translation>%1 (інший пристрій консультанта)</translation>
    </message>
    <message>
        <source>This conversation already has three open interpreter invitations.</source>
        <translation>Для цієї розмови вже є три відкриті запрошення для перекладачів.</translation>
    </message>
    <message>
        <source>The invitation could not be created: %1</source>
        <translation>Не вдалося створити запрошення: %1</translation>
    </message>
    <message>
        <source>Invite an interpreter</source>
        <translation>Запросити перекладача</translation>
    </message>
    <message>
        <source>Send this link to the interpreter over a safe channel. It works for 24 hours and only for this conversation&apos;s calls; anyone with the link can join.</source>
        <translation>Надішліть це посилання перекладачеві безпечним каналом. Воно діє 24 години і лише для дзвінків цієї розмови; будь-хто з посиланням може приєднатися.</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Копіювати посилання</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопійовано</translation>
    </message>
    <message>
        <source>The interpreter could not be removed: %1</source>
        <translation>Не вдалося видалити перекладача: %1</translation>
    </message>
    <message>
        <source>No camera or microphone was found. You can still join and hear the others.</source>
        <translation>Камеру чи мікрофон не знайдено. Ви все одно можете приєднатися й чути інших.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ChatView</name>
    <message>
        <source>Verification code</source>
        <translation>Код перевірки</translation>
    </message>
    <message>
        <source>Read this code to the person you talk to. If their screen shows the same code, nobody is listening in between.</source>
        <translation>Прочитайте цей код співрозмовнику. Якщо на його екрані той самий код, ніхто не підслуховує посередині.</translation>
    </message>
    <message>
        <source>The security keys in this conversation changed: a device was added or removed. Compare the verification code with the person again before you write anything personal.</source>
        <translation>Ключі безпеки в цій розмові змінилися: пристрій додано або вилучено. Перш ніж писати щось особисте, ще раз звірте код перевірки зі співрозмовником.</translation>
    </message>
    <message>
        <source>I have checked the code</source>
        <translation>Я перевірив(-ла) код</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Надіслати</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Додати файл…</translation>
    </message>
    <message>
        <source>Send a file (encrypted on this device; you can also drop files here)</source>
        <translation>Надіслати файл (шифрується на цьому пристрої; файли можна також перетягнути сюди)</translation>
    </message>
    <message>
        <source>Write a message… (Enter sends, Shift+Enter starts a new line)</source>
        <translation>Напишіть повідомлення… (Enter надсилає, Shift+Enter — новий рядок)</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Надіслати файл</translation>
    </message>
    <message>
        <source>Encrypting and sending %1…</source>
        <translation>Шифрування та надсилання %1…</translation>
    </message>
    <message>
        <source>Downloading and decrypting %1…</source>
        <translation>Завантаження та розшифрування %1…</translation>
    </message>
    <message>
        <source>The file was sent.</source>
        <translation>Файл надіслано.</translation>
    </message>
    <message>
        <source>The file was saved.</source>
        <translation>Файл збережено.</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Зберегти файл</translation>
    </message>
    <message>
        <source>Instant call</source>
        <translation>Миттєвий виклик</translation>
    </message>
    <message>
        <source>Booking (name not readable on this device)</source>
        <translation>Бронювання (ім’я не читається на цьому пристрої)</translation>
    </message>
    <message>
        <source>Conversation about a booking</source>
        <translation>Розмова щодо бронювання</translation>
    </message>
    <message>
        <source>not yet available</source>
        <translation>ще недоступний</translation>
    </message>
    <message>
        <source>No messages yet. Write the first one below.</source>
        <translation>Повідомлень ще немає. Напишіть перше нижче.</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Завантаження розмови…</translation>
    </message>
    <message>
        <source>A message could not be decrypted</source>
        <translation>Не вдалося розшифрувати повідомлення</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Зберегти…</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>надсилається…</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>не надіслано</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторити</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>надіслано</translation>
    </message>
    <message>
        <source>Help-seeker</source>
        <translation>Людина, що звернулася</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Відеодзвінок</translation>
    </message>
    <message>
        <source>Start an end-to-end encrypted video call in this conversation</source>
        <translation>Почати наскрізно зашифрований відеодзвінок у цій розмові</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Приєднатися</translation>
    </message>
    <message>
        <source>A participant</source>
        <translation>Учасник</translation>
    </message>
    <message>
        <source>The interpreter</source>
        <translation>Перекладач(ка)</translation>
    </message>
    <message>
        <source>%1 is calling</source>
        <translation>%1 дзвонить</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ConflictDialog</name>
    <message>
        <source>Confirm the appointment</source>
        <translation>Підтвердити зустріч</translation>
    </message>
    <message>
        <source>Decline: “%1”</source>
        <translation>Відхилити: «%1»</translation>
    </message>
    <message>
        <source>Propose another time: %1</source>
        <translation>Запропонувати інший час: %1</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Перенести на %1</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>Скасувати зустріч</translation>
    </message>
    <message>
        <source>Change your private note</source>
        <translation>Змінити вашу приватну нотатку</translation>
    </message>
    <message>
        <source>Mark the message as done</source>
        <translation>Позначити повідомлення як опрацьоване</translation>
    </message>
    <message>
        <source>Changed on the server</source>
        <translation>Змінено на сервері</translation>
    </message>
    <message>
        <source>This appointment was changed on the server after you changed it here. Which version should count?</source>
        <translation>Цю зустріч змінили на сервері після того, як ви змінили її тут. Яка версія має діяти?</translation>
    </message>
    <message>
        <source>The appointment with %1 was changed on the server after you changed it here. Which version should count?</source>
        <translation>Зустріч із %1 змінили на сервері після того, як ви змінили її тут. Яка версія має діяти?</translation>
    </message>
    <message>
        <source>Your change:</source>
        <translation>Ваша зміна:</translation>
    </message>
    <message>
        <source>Now on the server:</source>
        <translation>Зараз на сервері:</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Залишити мою</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Прийняти з сервера</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ConversationsPage</name>
    <message>
        <source>Conversations</source>
        <translation>Розмови</translation>
    </message>
    <message>
        <source>Search in messages on this device</source>
        <translation>Пошук у повідомленнях на цьому пристрої</translation>
    </message>
    <message>
        <source>No conversations yet. A conversation starts with each confirmed booking and each instant call you take.</source>
        <translation>Розмов ще немає. Розмова починається з кожним підтвердженим бронюванням і кожним миттєвим викликом, який ви приймаєте.</translation>
    </message>
    <message>
        <source>Choose a conversation on the left.

Messages are end-to-end encrypted: only this device and the help-seeker&apos;s browser can read them.</source>
        <translation>Виберіть розмову ліворуч.

Повідомлення наскрізно зашифровані: прочитати їх можуть лише цей пристрій і браузер людини, що звернулася.</translation>
    </message>
    <message>
        <source>Instant call</source>
        <translation>Миттєвий виклик</translation>
    </message>
    <message>
        <source>Name not readable here</source>
        <translation>Ім’я тут не читається</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Ви: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Файл: %1</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Бронювання</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Розмова</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Нічого не знайдено</translation>
    </message>
    <message>
        <source>Only messages held on this device are searched.</source>
        <translation>Пошук лише серед повідомлень, що зберігаються на цьому пристрої.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::DeclineDialog</name>
    <message>
        <source>Decline the request</source>
        <translation>Відхилити запит</translation>
    </message>
    <message>
        <source>Please say why you cannot take this appointment. The reason is sent by e-mail.</source>
        <translation>Будь ласка, напишіть, чому ви не можете прийняти цей запис. Причину буде надіслано електронною поштою.</translation>
    </message>
    <message>
        <source>Please tell %1 why you cannot take this appointment. The reason is sent by e-mail.</source>
        <translation>Будь ласка, напишіть для %1, чому ви не можете прийняти цей запис. Причину буде надіслано електронною поштою.</translation>
    </message>
    <message>
        <source>For example: I am fully booked that week. Please choose another day.</source>
        <translation>Наприклад: цього тижня в мене немає вільного часу. Будь ласка, оберіть інший день.</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Відхилити</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::KeyStoragePage</name>
    <message>
        <source>No keychain available</source>
        <translation>Сховище ключів недоступне</translation>
    </message>
    <message>
        <source>Lotse keeps this device&apos;s private keys and your sign-in in the system keychain, but none could be used on this computer. You can protect them with a passphrase instead: Lotse then stores them in an encrypted file and asks for the passphrase each time it starts.</source>
        <translation>Lotse зберігає приватні ключі цього пристрою та ваш вхід у системному сховищі ключів, але на цьому комп’ютері його не вдалося використати. Натомість ви можете захистити їх парольною фразою: тоді Lotse зберігатиме їх у зашифрованому файлі й питатиме парольну фразу під час кожного запуску.</translation>
    </message>
    <message numerus="yes">
        <source>New &amp;passphrase (at least %n characters)</source>
        <translation>
            <numerusform>Нова &amp;парольна фраза (щонайменше %n символ)</numerusform>
            <numerusform>Нова &amp;парольна фраза (щонайменше %n символи)</numerusform>
            <numerusform>Нова &amp;парольна фраза (щонайменше %n символів)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase</source>
        <translation>&amp;Повторіть парольну фразу</translation>
    </message>
    <message>
        <source>Use passphrase</source>
        <translation>Використати парольну фразу</translation>
    </message>
    <message>
        <source>Try keychain again</source>
        <translation>Спробувати сховище ключів ще раз</translation>
    </message>
    <message>
        <source>Unlock your keys</source>
        <translation>Розблокуйте ключі</translation>
    </message>
    <message>
        <source>This device&apos;s keys are stored in a passphrase-protected file. Enter the passphrase to continue.</source>
        <translation>Ключі цього пристрою зберігаються у файлі, захищеному парольною фразою. Введіть парольну фразу, щоб продовжити.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Парольна фраза</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Розблокувати</translation>
    </message>
    <message numerus="yes">
        <source>Please choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Виберіть парольну фразу щонайменше з %n символу.</numerusform>
            <numerusform>Виберіть парольну фразу щонайменше з %n символів.</numerusform>
            <numerusform>Виберіть парольну фразу щонайменше з %n символів.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Дві парольні фрази не збігаються.</translation>
    </message>
    <message>
        <source>What the system reported: %1</source>
        <translation>Повідомлення системи: %1</translation>
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
        <translation>Хтось чекає</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) joined the waiting room for an instant call.</source>
        <translation>
            <numerusform>%n людина прийшла до зали очікування миттєвого виклику.</numerusform>
            <numerusform>%n людини прийшли до зали очікування миттєвого виклику.</numerusform>
            <numerusform>%n людей прийшли до зали очікування миттєвого виклику.</numerusform>
        </translation>
    </message>
    <message>
        <source>a help-seeker</source>
        <translation>людини, що звернулася</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Нове повідомлення</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Нове повідомлення від %1</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Огляд</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>Вітаємо, %1</translation>
    </message>
    <message>
        <source>%1 · signed in as %2 on %3</source>
        <translation>%1 · ви увійшли як %2 на %3</translation>
    </message>
    <message>
        <source>This device is registered. Its keys are protected by your passphrase.</source>
        <translation>Цей пристрій зареєстровано. Його ключі захищено вашою парольною фразою.</translation>
    </message>
    <message>
        <source>This device is registered. Its keys are kept in the system keychain.</source>
        <translation>Цей пристрій зареєстровано. Його ключі зберігаються в системному сховищі ключів.</translation>
    </message>
    <message>
        <source>Calendar, booking requests and conversations will appear in the sidebar as they become available.</source>
        <translation>Календар, запити на запис і розмови з’являться на бічній панелі, щойно стануть доступними.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::ProposeDialog</name>
    <message>
        <source>Propose another time</source>
        <translation>Запропонувати інший час</translation>
    </message>
    <message>
        <source>Choose one of your free times. The person gets an e-mail with a link to accept it.</source>
        <translation>Оберіть один зі своїх вільних часів. Людина отримає лист із посиланням, щоб його прийняти.</translation>
    </message>
    <message>
        <source>Looking up your free times…</source>
        <translation>Шукаємо ваш вільний час…</translation>
    </message>
    <message>
        <source>Propose this time</source>
        <translation>Запропонувати цей час</translation>
    </message>
    <message>
        <source>You have no free times in the next weeks. Add hours on the Availability page.</source>
        <translation>У найближчі тижні у вас немає вільного часу. Додайте години на сторінці «Доступність».</translation>
    </message>
    <message>
        <source>Times are in your time zone (%1).</source>
        <translation>Час указано у вашому часовому поясі (%1).</translation>
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
        <translation>Перенести зустріч</translation>
    </message>
    <message>
        <source>Choose one of your free times. The appointment moves there, and the help-seeker gets an e-mail with the new time.</source>
        <translation>Виберіть один із ваших вільних часів. Зустріч буде перенесено туди, а людина, яка звернулася, отримає лист із новим часом.</translation>
    </message>
    <message>
        <source>Move to this time</source>
        <translation>Перенести на цей час</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::QueuePage</name>
    <message>
        <source>Waiting room</source>
        <translation>Зала очікування</translation>
    </message>
    <message>
        <source>People waiting for an instant call, longest waiting first. Their names are decrypted on this device only.</source>
        <translation>Люди, які чекають на миттєвий виклик; першими — ті, хто чекає найдовше. Їхні імена розшифровуються лише на цьому пристрої.</translation>
    </message>
    <message>
        <source>Nobody is waiting right now. You will hear a chime when someone arrives.</source>
        <translation>Зараз ніхто не чекає. Коли хтось прийде, пролунає сигнал.</translation>
    </message>
    <message>
        <source>Take next</source>
        <translation>Прийняти наступного</translation>
    </message>
    <message>
        <source>Take selected</source>
        <translation>Прийняти вибраного</translation>
    </message>
    <message>
        <source>Name not readable on this device</source>
        <translation>Ім’я не читається на цьому пристрої</translation>
    </message>
    <message>
        <source>Waiting for %1 · position %2</source>
        <translation>Чекає %1 · місце %2</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::RequestsPage</name>
    <message>
        <source>Requests</source>
        <translation>Запити</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>No requests yet. New bookings and messages appear here by themselves.</source>
        <translation>Запитів ще немає. Нові записи та повідомлення з’являться тут самі.</translation>
    </message>
    <message>
        <source>Choose a request on the left to see its details.</source>
        <translation>Оберіть запит ліворуч, щоб побачити подробиці.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адреса:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Ел. пошта:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Повідомлення:</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Підтвердити</translation>
    </message>
    <message>
        <source>Propose another time…</source>
        <translation>Запропонувати інший час…</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Відхилити…</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Позначити виконаним</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Оновлення…</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Оновлено о %1</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>(ім’я не вказано)</translation>
    </message>
    <message>
        <source>Contact message</source>
        <translation>Повідомлення через форму</translation>
    </message>
    <message>
        <source>Phone appointment</source>
        <translation>Телефонна консультація</translation>
    </message>
    <message>
        <source>Appointment on site</source>
        <translation>Зустріч на місці</translation>
    </message>
    <message>
        <source>Video appointment</source>
        <translation>Відеоконсультація</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The name and message were encrypted for other devices of your organisation, not for this one (for example, before this device was registered). Open the request on one of those devices.</source>
        <translation>Ім’я та повідомлення зашифровано для інших пристроїв вашої організації, а не для цього (наприклад, до реєстрації цього пристрою). Відкрийте запит на одному з тих пристроїв.</translation>
    </message>
    <message>
        <source>The name and message could not be decrypted: the data is damaged or was changed on the way. You can still answer by e-mail.</source>
        <translation>Не вдалося розшифрувати ім’я та повідомлення: дані пошкоджено або змінено дорогою. Ви все одно можете відповісти електронною поштою.</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Де:</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>&amp;Language of the app:</source>
        <translation>&amp;Мова застосунку:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Обліковий запис</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Ви увійшли як:</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Вийти</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Цей пристрій</translation>
    </message>
    <message>
        <source>Compare these fingerprints when a colleague or your administrator wants to confirm that this device is really yours.</source>
        <translation>Порівняйте ці відбитки, коли колега або адміністратор хоче переконатися, що цей пристрій справді ваш.</translation>
    </message>
    <message>
        <source>Signing key:</source>
        <translation>Ключ підпису:</translation>
    </message>
    <message>
        <source>Encryption key:</source>
        <translation>Ключ шифрування:</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Мова системи (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The private keys are stored in a passphrase-protected key file.</source>
        <translation>Приватні ключі зберігаються у файлі ключів, захищеному парольною фразою.</translation>
    </message>
    <message>
        <source>The private keys are stored in the system keychain.</source>
        <translation>Приватні ключі зберігаються в системному сховищі ключів.</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::SignInPage</name>
    <message>
        <source>Sign in to Lotse</source>
        <translation>Вхід до Lotse</translation>
    </message>
    <message>
        <source>Use the account your counselling service gave you.</source>
        <translation>Використайте обліковий запис, який вам надала ваша консультаційна служба.</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;Адреса сервера</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Ім’я користувача</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Пароль</translation>
    </message>
    <message>
        <source>Security &amp;code</source>
        <translation>&amp;Код безпеки</translation>
    </message>
    <message>
        <source>e.g. anna.berger</source>
        <translation>напр. anna.berger</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>6 цифр із застосунку-автентифікатора</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вхід…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Увійти</translation>
    </message>
    <message>
        <source>e.g. https://beratung.example.org</source>
        <translation>напр. https://beratung.example.org</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::StartupPage</name>
    <message>
        <source>One moment, Lotse is getting ready…</source>
        <translation>Зачекайте, Lotse готується…</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::SyncStatusWidget</name>
    <message>
        <source>Hide this notice</source>
        <translation>Приховати це повідомлення</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n конфлікт</numerusform>
            <numerusform>%n конфлікти</numerusform>
            <numerusform>%n конфліктів</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed on the server too</source>
        <translation>Змінено й на сервері</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Офлайн</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n зміна чекає</numerusform>
            <numerusform>%n зміни чекають</numerusform>
            <numerusform>%n змін чекають</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Остання синхронізація: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ще не синхронізовано</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронізація…</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n change(s)</source>
        <translation>
            <numerusform>Надсилається %n зміна</numerusform>
            <numerusform>Надсилаються %n зміни</numerusform>
            <numerusform>Надсилається %n змін</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Актуально</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <extracomment>%1 the time of the last sync</extracomment>
        <translation>Синхронізовано: %1</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Вирішити…</translation>
    </message>
    <message>
        <source>Last synced with the server: %1</source>
        <translation>Остання синхронізація із сервером: %1</translation>
    </message>
    <message>
        <source>Not synced with the server yet</source>
        <translation>Ще не синхронізовано із сервером</translation>
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
        <translation>Показати Lotse</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Вийти з Lotse</translation>
    </message>
</context>
<context>
    <name>Lotse::Ui::WeekGridWidget</name>
    <message>
        <source>Weekly hours</source>
        <translation>Години на тиждень</translation>
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
        <translation>Lotse, настільний застосунок для консультантів.</translation>
    </message>
    <message>
        <source>Server address to sign in to.</source>
        <translation>Адреса сервера для входу.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>User name to sign in with.</source>
        <translation>Ім’я користувача для входу.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>ім’я</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input and sign in right away.</source>
        <translation>Прочитати пароль із першого рядка стандартного введення й одразу увійти.</translation>
    </message>
    <message>
        <source>Keep settings and keys for this profile in a separate folder.</source>
        <translation>Зберігати налаштування та ключі цього профілю в окремій теці.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>тека</translation>
    </message>
    <message>
        <source>Lotse cannot start</source>
        <translation>Lotse не може запуститися</translation>
    </message>
    <message>
        <source>The encryption self-test failed (%1). Lotse will not start, so that no data is handled unsafely.</source>
        <translation>Самоперевірка шифрування не вдалася (%1). Lotse не запуститься, щоб жодні дані не оброблялися небезпечно.</translation>
    </message>
</context>
</TS>
