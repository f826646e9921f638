# SPDX-License-Identifier: MIT
# qmllint over the dashboard's QML as built (Nocdash.Ui and the application's Nocdash.Desktop): fails
# when a name is looked up on one of the project's own types and is not there, such as an enum value
# (`Severity.Critcal`, `AlertModel.Faild`, `WallView.Chartz`), a property or a method.
# What else qmllint 6.4 says (Qt Charts types it cannot resolve, JS list methods on QVariantList,
# unqualified ids) is not this test's business. qmllint 6.4 reads the bodies only of functions whose
# parameters and result are typed (the QML files type those that name enum values), and stops in a
# binding at the first expression it cannot type (`??` on a JS object, a Qt Charts call): of the 132
# enum values named in qml/ when this was written, a misspelling of 123 fails here.
#   cmake -DQMLLINT=<qmllint> -DQML_DIR=<build>/qml -P check_qml_names.cmake
cmake_minimum_required(VERSION 3.25)
foreach(var QMLLINT QML_DIR)
    if(NOT ${var})
        message(FATAL_ERROR "check_qml_names: ${var} not set")
    endif()
endforeach()

file(GLOB files ${QML_DIR}/Nocdash/Ui/*.qml ${QML_DIR}/Nocdash/Desktop/*.qml)
list(LENGTH files count)
if(count LESS 20)
    message(FATAL_ERROR "check_qml_names: only ${count} QML files in ${QML_DIR}: build nocui and nocdashapp first")
endif()

# The project's types: every component its modules declare (C++ names, such as SeverityForeign and
# noc::NocClient), and every QML file's own type (its enums: WallView.Charts).
set(own_types "")
file(GLOB qmltypes ${QML_DIR}/Nocdash/*/*.qmltypes)
foreach(path ${qmltypes})
    file(STRINGS ${path} names REGEX "^        name: \"[^\"]+\"$")
    foreach(line ${names})
        string(REGEX REPLACE "^ *name: \"([^\"]+)\"$" "\\1" name "${line}")
        list(APPEND own_types "${name}")
    endforeach()
endforeach()
foreach(path ${files})
    get_filename_component(name ${path} NAME_WE)
    list(APPEND own_types "${name}")
endforeach()
if(NOT "SeverityForeign" IN_LIST own_types OR NOT "AlertModel" IN_LIST own_types)
    message(FATAL_ERROR "check_qml_names: the modules' qmltypes were not read from ${QML_DIR}")
endif()

execute_process(COMMAND ${QMLLINT} -I ${QML_DIR} ${files}
    OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCHALL "Warning: [^\n]*: Property \"[^\"]+\" not found on type \"[^\"]+\"" found "${out}${err}")
set(failures "")
foreach(warning ${found})
    string(REGEX REPLACE ".* not found on type \"([^\"]+)\"$" "\\1" type "${warning}")
    if(type IN_LIST own_types)
        string(REPLACE "${QML_DIR}/" "" warning "${warning}")
        string(APPEND failures "  ${warning}\n")
    endif()
endforeach()
if(failures)
    message(FATAL_ERROR "Names the project's types do not have:\n${failures}")
endif()
message(STATUS "${count} QML files: every name looked up on the project's types exists")
