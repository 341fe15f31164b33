// Implementation of stem_gate.h.
#include "analysis/stem_gate.h"

#include <unicode/utf8.h>

namespace jil::analysis {

UChar32 first_code_point(std::string_view utf8) {
  if (utf8.empty()) return -1;
  int32_t offset = 0;
  UChar32 first = 0;
  U8_NEXT(utf8.data(), offset, static_cast<int32_t>(utf8.size()), first);
  return first;
}

StemGate StemGate::for_stems(const std::set<std::string>& stems) {
  std::set<UChar32> first_letters;
  for (const std::string& stem : stems) {
    const UChar32 first = first_code_point(stem);
    if (first >= 0) first_letters.insert(first);
  }
  return StemGate(false, std::move(first_letters));
}

}  // namespace jil::analysis
