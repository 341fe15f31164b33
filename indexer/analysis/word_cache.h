// What the analyzer made of a surface word, remembered per language. A text repeats a few
// thousand words, and one word costs a case fold, a normalization, up to three Snowball stems and
// the UTF-8 conversions of each; a remembered word costs a hash lookup and the copies. The
// analysis of a word depends only on the word and the text's language, so remembering changes no
// token (tests/unit/analysis/word_cache_test.cc compares against a fresh analyzer on corpus/).
#pragma once

#include <unicode/uscript.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/language.h"

namespace jil::analysis {

struct AnalyzedWord {
  bool takes_position = false;  // false: nothing is left after folding
  bool makes_token = false;     // false: that, or too long to index (it still takes a position)
  UScriptCode script = USCRIPT_INVALID_CODE;
  std::vector<std::string> forms;
  std::string exact;
  // Per form, in order: its Snowball stems in every applicable language (empty for a word that
  // does not start with a letter). The caller's StemGate chooses which forms' stems to use.
  std::vector<std::vector<std::string>> stems_of_form;
};

class WordCache {
 public:
  // Null when `word` was not analyzed in `language` since the memory last started again.
  const AnalyzedWord* find(Language language, std::u16string_view word) const;
  // Remembers `analyzed` for (`language`, `word`) and returns it. Only while not full(language).
  const AnalyzedWord& remember(Language language, std::u16string_view word, AnalyzedWord analyzed);
  // Whether kMaxWordsPerLanguage words of `language` are remembered. Then no more are: the memory
  // keeps the words met first rather than starting again, since frequent words come early and
  // starting again would drop them with the rare ones. A budget per language, so that the words
  // of one language never crowd out another's.
  bool full(Language language) const {
    return tables_[static_cast<size_t>(language)].entries.size() >= kMaxWordsPerLanguage;
  }

  // Words remembered at most per language: about 250 bytes each (4 MB).
  static constexpr size_t kMaxWordsPerLanguage = 16384;

 private:
  // Open addressing with linear probing over twice the budget of slots, so probe runs stay
  // short. A slot holds the high half of the word's hash and where its entry is: a lookup reads
  // one slot and, on a hash match, one entry (std::unordered_map read a bucket, the node before
  // and the node: one cache miss more, and the lookups were 9 % of a search's CPU).
  struct Slot {
    uint32_t hash = 0;
    uint32_t entry = 0;  // index + 1 into entries; 0: an empty slot
  };
  struct Entry {
    std::u16string word;
    AnalyzedWord analyzed;
  };
  struct Table {
    std::vector<Slot> slots;     // kSlots of them once the language has a word
    std::vector<Entry> entries;  // reserved to the budget, so remembered entries never move
  };
  static constexpr size_t kSlots = 2 * kMaxWordsPerLanguage;  // a power of two
  static_assert((kSlots & (kSlots - 1)) == 0);

  static constexpr size_t kLanguages = static_cast<size_t>(Language::kZh) + 1;
  std::array<Table, kLanguages> tables_;
};

}  // namespace jil::analysis
