// Which words of a text the analyzer stems. Stemming is a third of the analysis CPU, and a
// caller that only compares a text's stems with a known set (searchd's snippets and highlighted
// titles, against the query's stems) can skip the words that cannot meet it: Snowball's English,
// French, Spanish and Russian stemmers only rewrite a word's ending, so a stem starts with the
// letter its folded word starts with. Arabic words are always stemmed (its stemmer removes
// prefixes). tests/unit/analysis/stem_gate_test.cc checks the first-letter rule on every word of
// corpus/.
#pragma once

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <set>
#include <string>
#include <string_view>

namespace jil::analysis {

// The first code point of valid UTF-8 `utf8`; -1 when it is empty or starts badly.
UChar32 first_code_point(std::string_view utf8);

class StemGate {
 public:
  // Every word is stemmed: what the index needs.
  static StemGate every_word() { return StemGate(true, {}); }
  // Only words that can have one of `stems`: Latin and Cyrillic words whose first letter starts
  // one of them, and every word of other scripts.
  static StemGate for_stems(const std::set<std::string>& stems);

  // Whether a word of `script` whose folded form starts with `first_letter` is stemmed.
  bool wants(UScriptCode script, UChar32 first_letter) const {
    if (every_word_ || (script != USCRIPT_LATIN && script != USCRIPT_CYRILLIC)) return true;
    return first_letters_.count(first_letter) > 0;
  }

 private:
  StemGate(bool every_word, std::set<UChar32> first_letters)
      : every_word_(every_word), first_letters_(std::move(first_letters)) {}

  bool every_word_;
  std::set<UChar32> first_letters_;
};

}  // namespace jil::analysis
