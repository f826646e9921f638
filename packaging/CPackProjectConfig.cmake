# SPDX-License-Identifier: MIT
# Read by cpack for every generator (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "DEB")
    # CPackDeb prepends the project summary to every component's description unless the summary is
    # CPack's default: each component's description carries its own synopsis line instead.
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
