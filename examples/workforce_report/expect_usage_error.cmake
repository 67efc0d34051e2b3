# Runs ${PROGRAM} with a bad flag and with a bad value; each must exit with
# code 2 and print a usage error on stderr.
foreach(args "--no-such-flag" "--employees;zero")
  execute_process(COMMAND ${PROGRAM} ${args} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 2)
    message(FATAL_ERROR "${PROGRAM} ${args}: expected exit code 2, got ${code}\n${out}${err}")
  endif()
  if(NOT err MATCHES "usage: ")
    message(FATAL_ERROR "${PROGRAM} ${args}: no usage text on stderr:\n${err}")
  endif()
endforeach()
