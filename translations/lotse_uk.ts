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
    <name>Lotse::Client::CalendarService</name>
    <message>
        <source>Appointment</source>
        <translation>Зустріч</translation>
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
