// Test text made of numbered words ("w0 w1 w2 ..."), for checks on where a word sits in a text
// (snippets, passages).
#pragma once

#include <cstddef>
#include <string>

namespace jil::search {

// `count` words "w0 w1 ...", with `word` in place of the one at `at`.
inline std::string words_with(size_t count, size_t at, const std::string& word) {
  std::string out;
  for (size_t index = 0; index < count; ++index) {
    if (index) out += ' ';
    out += index == at ? word : "w" + std::to_string(index);
  }
  return out;
}

}  // namespace jil::search
