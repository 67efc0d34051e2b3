# Script mode: install hrkit into WORK_DIR/prefix, then configure, build and run
# the consumer project against that prefix only.
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run_step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "step failed (${rc}): ${ARGN}")
  endif()
endfunction()

run_step(${CMAKE_COMMAND} --install "${HRKIT_BINARY_DIR}" --prefix "${prefix}")
foreach(required IN ITEMS
    "include/hrkit/hrkit.hpp"
    "lib/cmake/hrkit/hrkitConfig.cmake"
    "lib/cmake/hrkit/hrkitConfigVersion.cmake"
    "lib/pkgconfig/hrkit.pc")
  if(NOT EXISTS "${prefix}/${required}")
    message(FATAL_ERROR "install tree lacks ${required}")
  endif()
endforeach()
# A backend's header is installed exactly when the backend is.
if(WITH_SQLITE AND NOT EXISTS "${prefix}/include/hrkit/storage/sqlite_store.hpp")
  message(FATAL_ERROR "install tree lacks the SQLite backend's header")
elseif(NOT WITH_SQLITE AND EXISTS "${prefix}/include/hrkit/storage/sqlite_store.hpp")
  message(FATAL_ERROR "install tree has the header of a SQLite backend that was not built")
endif()
run_step(${CMAKE_COMMAND} -S "${CONSUMER_SOURCE_DIR}" -B "${WORK_DIR}/build"
  -G "${GENERATOR}"
  -D CMAKE_PREFIX_PATH=${prefix}
  -D CMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
  -D CMAKE_CXX_COMPILER=${CXX_COMPILER}
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
  -D CMAKE_BUILD_TYPE=${BUILD_TYPE}
  -D CONSUMER_WITH_SQLITE=${WITH_SQLITE})
run_step(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run_step("${WORK_DIR}/build/consumer" "${WORK_DIR}")
