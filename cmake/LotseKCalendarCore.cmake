# KCalendarCore: KF6 where the platform has it; otherwise the KF5 5.103 build against Qt 6 that
# scripts/build-kcalendarcore.sh puts in a private prefix (LOTSE_KCALENDARCORE_PREFIX).
set(LOTSE_KCALENDARCORE_PREFIX "$ENV{HOME}/.cache/lotse/kcalendarcore-qt6" CACHE PATH
    "Private prefix of the static KCalendarCore built against Qt 6")
find_package(KF6CalendarCore QUIET)
if(KF6CalendarCore_FOUND)
    add_library(lotse_kcalendarcore INTERFACE)
    target_link_libraries(lotse_kcalendarcore INTERFACE KF6::CalendarCore)
    message(STATUS "KCalendarCore: KF6 ${KF6CalendarCore_VERSION}")
else()
    find_package(KF5CalendarCore 5.103 REQUIRED CONFIG PATHS "${LOTSE_KCALENDARCORE_PREFIX}" NO_DEFAULT_PATH)
    pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)
    find_package(Qt6 REQUIRED COMPONENTS Gui)
    add_library(lotse_kcalendarcore INTERFACE)
    # The static archive does not carry its link dependencies: name them here.
    target_link_libraries(lotse_kcalendarcore INTERFACE KF5::CalendarCore PkgConfig::LIBICAL
        -licalss -licalvcal Qt6::Gui)
    message(STATUS "KCalendarCore: KF5 ${KF5CalendarCore_VERSION} (Qt 6, static) from ${LOTSE_KCALENDARCORE_PREFIX}")
endif()
