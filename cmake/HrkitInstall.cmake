# Install rules: headers, libraries, CMake package files and a pkg-config file.
include(CMakePackageConfigHelpers)

set(HRKIT_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/hrkit")
set(hrkit_install_targets hrkit)
if(TARGET hrkit_sqlite)
  list(APPEND hrkit_install_targets hrkit_sqlite)
endif()
if(TARGET hrkit_postgres)
  list(APPEND hrkit_install_targets hrkit_postgres)
endif()

install(TARGETS ${hrkit_install_targets}
  EXPORT hrkitTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# A backend's header is installed only with its backend.
set(hrkit_header_excludes)
if(NOT TARGET hrkit_sqlite)
  list(APPEND hrkit_header_excludes PATTERN sqlite_store.hpp EXCLUDE)
endif()
if(NOT TARGET hrkit_postgres)
  list(APPEND hrkit_header_excludes PATTERN postgres_store.hpp EXCLUDE)
endif()
install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} ${hrkit_header_excludes})
install(EXPORT hrkitTargets NAMESPACE hrkit:: DESTINATION ${HRKIT_CMAKE_DIR})

set(HRKIT_WITH_SQLITE_INSTALLED ${HRKIT_WITH_SQLITE})
set(HRKIT_WITH_POSTGRES_INSTALLED ${HRKIT_WITH_POSTGRES})
configure_package_config_file(cmake/hrkitConfig.cmake.in
  "${PROJECT_BINARY_DIR}/hrkitConfig.cmake"
  INSTALL_DESTINATION ${HRKIT_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/hrkitConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/hrkitConfig.cmake"
  "${PROJECT_BINARY_DIR}/hrkitConfigVersion.cmake"
  DESTINATION ${HRKIT_CMAKE_DIR})

configure_file(cmake/hrkit.pc.in "${PROJECT_BINARY_DIR}/hrkit.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/hrkit.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
