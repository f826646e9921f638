# SPDX-License-Identifier: MIT
# Read by cpack for every generator (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "DEB")
    # CPackDeb prepends the project summary to every component's description unless the summary is
    # CPack's default: each component's description carries its own synopsis line instead.
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
if(CPACK_GENERATOR STREQUAL "RPM")
    # CMake 3.25's CPackRPM probes support for weak dependencies (Suggests) by running ${RPM_EXECUTABLE},
    # which it never sets: without this the probe fails and the Suggests tag is dropped.
    find_program(RPM_EXECUTABLE rpm)
endif()
