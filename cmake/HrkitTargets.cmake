# The hrkit library target. Sources are added by src/<module>/CMakeLists.txt.
add_library(hrkit)
add_library(hrkit::hrkit ALIAS hrkit)
set_target_properties(hrkit PROPERTIES
  EXPORT_NAME hrkit
  VERSION ${PROJECT_VERSION}
  SOVERSION ${PROJECT_VERSION_MAJOR})
target_compile_features(hrkit PUBLIC cxx_std_20)
target_include_directories(hrkit PUBLIC
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_link_libraries(hrkit PUBLIC
  Boost::date_time
  Boost::serialization
  absl::status
  absl::statusor
  absl::strings
  absl::str_format
  absl::flat_hash_map
  absl::flat_hash_set
  absl::hash)
target_link_libraries(hrkit PRIVATE OpenSSL::Crypto)
