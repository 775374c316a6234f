# AZMAT_SANITIZE="address;undefined" builds everything with those sanitizers
# and makes any report fatal. A requested sanitizer the compiler cannot
# build with fails the configuration (the cJSON lesson: never drop a
# requested flag silently).
include(CheckCSourceCompiles)

if(AZMAT_SANITIZE)
  string(REPLACE ";" "," san "${AZMAT_SANITIZE}")
  set(CMAKE_REQUIRED_FLAGS "-fsanitize=${san}")
  set(CMAKE_REQUIRED_LINK_OPTIONS "-fsanitize=${san}")
  check_c_source_compiles("int main(void) { return 0; }" AZMAT_SANITIZE_OK)
  unset(CMAKE_REQUIRED_FLAGS)
  unset(CMAKE_REQUIRED_LINK_OPTIONS)
  if(NOT AZMAT_SANITIZE_OK)
    message(FATAL_ERROR "the compiler cannot build with -fsanitize=${san}")
  endif()
  add_compile_options(-fsanitize=${san} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${san})
endif()

if(AZMAT_COVERAGE)
  add_compile_options(--coverage -O0)
  add_link_options(--coverage)
endif()

if(AZMAT_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "AZMAT_FUZZ needs clang (CC=clang)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
