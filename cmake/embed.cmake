# khabar_embed(target SYMBOL file): links `file` into `target` as a byte array reachable through
# `extern "C" const char SYMBOL_begin[], SYMBOL_end[]`. The assembler's .incbin keeps the build fast
# for multi-megabyte data such as the NER model.
function(khabar_embed target symbol file)
  set(asm "${CMAKE_CURRENT_BINARY_DIR}/embed_${symbol}.S")
  file(WRITE "${asm}.in"
    ".section .rodata\n"
    ".global ${symbol}_begin\n.global ${symbol}_end\n"
    ".balign 16\n${symbol}_begin:\n.incbin \"${file}\"\n${symbol}_end:\n.byte 0\n"
    ".section .note.GNU-stack,\"\",@progbits\n")
  configure_file("${asm}.in" "${asm}" COPYONLY)
  set_source_files_properties("${asm}" PROPERTIES OBJECT_DEPENDS "${file}")
  target_sources(${target} PRIVATE "${asm}")
endfunction()
