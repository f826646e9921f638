# SPDX-License-Identifier: MIT
# Fails when any tracked C++ source differs from what clang-format would write.
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR}
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
    ${SOURCE_DIR}/services/*.cpp ${SOURCE_DIR}/services/*.h
    ${SOURCE_DIR}/models/*.cpp ${SOURCE_DIR}/models/*.h
    ${SOURCE_DIR}/sim/*.cpp ${SOURCE_DIR}/sim/*.h
    ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h
    ${SOURCE_DIR}/bench/*.cpp ${SOURCE_DIR}/bench/*.h)
set(unformatted "")
foreach(f IN LISTS sources)
    execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror ${f}
        WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
    if(NOT rc EQUAL 0)
        list(APPEND unformatted ${f})
    endif()
endforeach()
list(LENGTH sources count)
if(unformatted)
    list(JOIN unformatted "\n  " pretty)
    message(FATAL_ERROR "Not clang-formatted (run tools/format.sh):\n  ${pretty}")
endif()
message(STATUS "${count} files clang-formatted")
