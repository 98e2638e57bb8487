# Flags every Lotse target shares, on one INTERFACE target (lotse_common).
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(lotse_common INTERFACE)
target_compile_options(lotse_common INTERFACE -Wall -Wextra -pedantic -Wshadow=local -Wnon-virtual-dtor)
if(LOTSE_WERROR)
    target_compile_options(lotse_common INTERFACE -Werror)
endif()
target_compile_definitions(lotse_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    LOTSE_VERSION="${PROJECT_VERSION}")
# Includes read as "crypto/Envelope.h", "server-stub/Store.h": the folder names the library.
target_include_directories(lotse_common INTERFACE "${PROJECT_SOURCE_DIR}" "${PROJECT_BINARY_DIR}")
if(LOTSE_ASAN)
    target_compile_options(lotse_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(lotse_common INTERFACE -fsanitize=address,undefined)
endif()

# lotse_add_test(NAME SOURCES ... LIBS ... [LABELS ...] [ENV ...] [TIMEOUT s])
# One executable per class or feature, registered with CTest. Every test gets a private
# HOME/XDG tree (set by tests/support/run-isolated.sh) so it never touches the user's data.
function(lotse_add_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE lotse_common Qt6::Test ${T_LIBS})
    add_test(NAME ${name}
             COMMAND "${PROJECT_SOURCE_DIR}/tests/support/run-isolated.sh" $<TARGET_FILE:${name}>)
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}"
        ENVIRONMENT "LOTSE_SOURCE_DIR=${PROJECT_SOURCE_DIR};LOTSE_BINARY_DIR=${PROJECT_BINARY_DIR};QT_QPA_PLATFORM=offscreen;${T_ENV}")
endfunction()
