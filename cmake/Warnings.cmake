# Picky warnings, after curl's CMake/PickyWarnings.cmake. Each flag is
# checked; a flag the compiler does not know is an error, not silently dropped.
include(CheckCCompilerFlag)

set(AZMAT_WARNINGS
  -Wall -Wextra -Wshadow -Wconversion -Wsign-conversion -Wstrict-prototypes
  -Wmissing-prototypes -Wformat=2 -Wformat-security -Wvla -Wcast-qual
  -Wwrite-strings -Wundef -Wpointer-arith -Wmissing-declarations
  -Wold-style-definition -Wnull-dereference -Wdouble-promotion -Wimplicit-fallthrough)

foreach(flag IN LISTS AZMAT_WARNINGS)
  string(MAKE_C_IDENTIFIER "HAVE${flag}" var)
  check_c_compiler_flag(${flag} ${var})
  if(NOT ${var})
    message(FATAL_ERROR "the compiler does not support ${flag}")
  endif()
endforeach()

# azmat_warnings(target): apply the picky warnings to a target of ours.
function(azmat_warnings target)
  target_compile_options(${target} PRIVATE ${AZMAT_WARNINGS})
  if(AZMAT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE _FORTIFY_SOURCE=2)
endfunction()
