# Warnings for the project's own targets; third-party headers come in as SYSTEM and stay quiet.
function(khabar_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                         -Wno-missing-field-initializers -Werror=return-type -Werror=unused-result)
endfunction()

# khabar_library(name SOURCES ... DEPS ...): one module, linked only to what it names.
function(khabar_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PUBLIC_DEPS" ${ARGN})
  add_library(khabar_${name} STATIC ${ARG_SOURCES})
  add_library(khabar::${name} ALIAS khabar_${name})
  target_include_directories(khabar_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(khabar_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_DEPS})
  khabar_warnings(khabar_${name})
  add_dependencies(khabar_${name} khabar_layering)
endfunction()

# The layering of STYLE.md A1, checked before every module builds: a forbidden include fails the
# build, not just a review.
add_custom_target(khabar_layering
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/check-layering.sh
  COMMENT "Checking module layering"
  VERBATIM)
