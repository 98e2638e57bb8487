# The help-seeker pages as Qt resources of lotse_server: our own files (web.qrc) and the browser
# modules they import, copied at configure time from node_modules (npm, scripts/setup) and
# crypto/js into a generated resource file, so the installed server needs no files on disk.
set(_web_root "${PROJECT_SOURCE_DIR}/node_modules")
set(_web_vendor
    "libsodium/dist/modules-esm/libsodium.mjs=npm/libsodium/libsodium.mjs"
    "libsodium-wrappers/dist/modules-esm/libsodium-wrappers.mjs=npm/libsodium-wrappers/libsodium-wrappers.mjs"
    "altcha/dist_external/altcha.js=npm/altcha/altcha.js"
    "altcha/dist_external/worker.js=npm/altcha/worker.js"
    "altcha/dist_external/altcha.css=npm/altcha/altcha.css")
file(GLOB _web_crypto RELATIVE "${PROJECT_SOURCE_DIR}/crypto/js" "${PROJECT_SOURCE_DIR}/crypto/js/*.mjs")
list(REMOVE_ITEM _web_crypto testing.mjs)

set(_web_out "${CMAKE_CURRENT_BINARY_DIR}/web-vendor")
set(_web_qrc "<!DOCTYPE RCC>\n<RCC version=\"1.0\">\n<qresource prefix=\"/web\">\n")
foreach(entry IN LISTS _web_vendor)
    string(REPLACE "=" ";" pair "${entry}")
    list(GET pair 0 from)
    list(GET pair 1 to)
    if(NOT EXISTS "${_web_root}/${from}")
        message(FATAL_ERROR "lotse-server serves ${from} from node_modules, which is missing or out of date. "
                            "Run scripts/setup (it runs npm ci in ${PROJECT_SOURCE_DIR}).")
    endif()
    configure_file("${_web_root}/${from}" "${_web_out}/${to}" COPYONLY)
    string(APPEND _web_qrc "<file alias=\"${to}\">web-vendor/${to}</file>\n")
endforeach()
foreach(name IN LISTS _web_crypto)
    configure_file("${PROJECT_SOURCE_DIR}/crypto/js/${name}" "${_web_out}/crypto/${name}" COPYONLY)
    string(APPEND _web_qrc "<file alias=\"crypto/${name}\">web-vendor/crypto/${name}</file>\n")
endforeach()
string(APPEND _web_qrc "</qresource>\n</RCC>\n")
file(CONFIGURE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/web_vendor.qrc" CONTENT "${_web_qrc}")

qt_add_resources(_web_sources "${CMAKE_CURRENT_SOURCE_DIR}/web/web.qrc" "${CMAKE_CURRENT_BINARY_DIR}/web_vendor.qrc")
target_sources(lotse_server PRIVATE ${_web_sources})
find_package(ZLIB REQUIRED)
target_link_libraries(lotse_server PRIVATE ZLIB::ZLIB)
