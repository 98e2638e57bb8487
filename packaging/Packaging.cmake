# Install rules and CPack. `cpack -G DEB` in a build directory (best the "release" preset) makes
# lotse-server_<version>_<arch>.deb: the server, its systemd unit and config, the nginx example.
# The desktop app's packages (AppImage, MSI) come later; its install rules are here already.
include(GNUInstallDirs)
set(_pkg "${PROJECT_SOURCE_DIR}/packaging")

# --- server (component "server", the Debian package) ---
if(TARGET lotse-server)
    install(TARGETS lotse-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
endif()
install(FILES "${_pkg}/debian/lotse-server.service" DESTINATION lib/systemd/system COMPONENT server)
# Absolute: the config belongs in /etc whatever the prefix (a conffile in the package).
install(FILES "${_pkg}/debian/lotse-server.conf" DESTINATION /etc/lotse COMPONENT server)
install(FILES "${_pkg}/nginx/lotse.conf" DESTINATION share/doc/lotse-server/examples
        RENAME nginx-lotse.conf COMPONENT server)
install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION share/doc/lotse-server COMPONENT server)

# --- desktop app (component "desktop") ---
if(TARGET lotse)
    install(TARGETS lotse RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT desktop)
endif()
install(FILES "${_pkg}/lotse.desktop" DESTINATION share/applications COMPONENT desktop)
install(FILES "${_pkg}/lotse.metainfo.xml" DESTINATION share/metainfo COMPONENT desktop)
if(EXISTS "${PROJECT_SOURCE_DIR}/ui/icons/lotse.svg")
    install(FILES "${PROJECT_SOURCE_DIR}/ui/icons/lotse.svg" DESTINATION share/icons/hicolor/scalable/apps
            COMPONENT desktop)
endif()

# --- CPack: one Debian package per component; only the server for now ---
set(CPACK_PACKAGE_NAME lotse)
set(CPACK_PACKAGE_VENDOR "Lotse")
set(CPACK_PACKAGE_CONTACT "Lotse maintainers <maintainers@lotse.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL server)
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "Lotse counselling server")
# CPack DEB takes the package synopsis from the summary, for every component.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Lotse counselling server")
set(CPACK_COMPONENT_SERVER_DESCRIPTION "Accounts, bookings and the end-to-end encrypted relay of the Lotse online counselling platform, \
with its embedded SQLite store, a hardened systemd unit and an nginx example.")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME lotse-server)
set(CPACK_DEBIAN_SERVER_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_SHLIBDEPS ON)
# Found at run time, so dpkg-shlibdeps cannot see them: Qt's SQLite driver, adduser for postinst.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "nginx")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${_pkg}/debian/postinst;${_pkg}/debian/prerm;${_pkg}/debian/postrm;${_pkg}/debian/conffiles")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
