// What the analyzer made of a surface word, remembered per language. A text repeats a few
// thousand words, and one word costs a case fold, a normalization, up to three Snowball stems and
// the UTF-8 conversions of each; a remembered word costs a hash lookup and the copies. The
// analysis of a word depends only on the word and the text's language, so remembering changes no
// token (tests/unit/analysis/word_cache_test.cc compares against a fresh analyzer on corpus/).
// Each remembered word is packed into one byte run per language (its UTF-16 text, then its
// forms, exact form and stems, each with a one-byte length): about 80 bytes a word, where a
// struct of strings and vectors took 300 to 400 with its heap blocks.
#pragma once

#include <unicode/uscript.h>

#include <array>
#include <cstdint>
#include <optional>
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

// A word's analysis read in place from packed bytes (pack_analysis). Valid while those bytes
// are: until the next WordCache::remember of the same language, or the next pack into the
// same string.
class PackedWord {
 public:
  PackedWord(bool takes_position, bool makes_token, UScriptCode script, const char* packed)
      : takes_position_(takes_position),
        makes_token_(makes_token),
        script_(script),
        packed_(packed) {}

  bool takes_position() const { return takes_position_; }
  bool makes_token() const { return makes_token_; }
  UScriptCode script() const { return script_; }
  // Only for a word that makes a token (the others keep no forms).
  std::string_view exact() const;
  // Calls visit(form, stems) for each form in order, `stems` a PackedStrings of its stems.
  template <typename Visit>
  void for_each_form(Visit&& visit) const;

  // A run of strings, each a length byte and its bytes.
  class PackedStrings {
   public:
    PackedStrings(const char* first, size_t count) : first_(first), count_(count) {}
    bool empty() const { return count_ == 0; }
    size_t size() const { return count_; }
    template <typename Visit>
    const char* for_each(Visit&& visit) const {  // returns the byte after the last string
      const char* at = first_;
      for (size_t index = 0; index < count_; ++index) {
        const size_t length = static_cast<unsigned char>(*at);
        visit(std::string_view(at + 1, length));
        at += 1 + length;
      }
      return at;
    }

   private:
    const char* first_;
    size_t count_;
  };

 private:
  bool takes_position_;
  bool makes_token_;
  UScriptCode script_;
  const char* packed_;  // the form count, the exact form, then each form with its stems
};

template <typename Visit>
void PackedWord::for_each_form(Visit&& visit) const {
  if (!makes_token_) return;
  const size_t forms = static_cast<unsigned char>(packed_[0]);
  const char* at = packed_ + 1;
  at += 1 + static_cast<unsigned char>(*at);  // past the exact form
  for (size_t form = 0; form < forms; ++form) {
    const std::string_view text(at + 1, static_cast<unsigned char>(*at));
    at += 1 + text.size();
    const PackedStrings stems(at + 1, static_cast<unsigned char>(*at));
    at = stems.for_each([](std::string_view) {});
    visit(text, stems);
  }
}

// Appends `analyzed`'s forms, exact form and stems to `out` in PackedWord's layout (nothing for
// a word that makes no token). Every string of a word that makes a token is at most
// kMaxTermBytes long, so one byte holds each length.
void pack_analysis(const AnalyzedWord& analyzed, std::string& out);

class WordCache {
 public:
  // Nothing when `word` was not analyzed in `language` since the memory last started again.
  std::optional<PackedWord> find(Language language, std::u16string_view word) const;
  // Remembers `analyzed` for (`language`, `word`) and returns it. Only while not full(language).
  PackedWord remember(Language language, std::u16string_view word, const AnalyzedWord& analyzed);
  // Whether kMaxWordsPerLanguage words of `language` are remembered. Then no more are: the memory
  // keeps the words met first rather than starting again, since frequent words come early and
  // starting again would drop them with the rare ones. A budget per language, so that the words
  // of one language never crowd out another's.
  bool full(Language language) const {
    return tables_[static_cast<size_t>(language)].entries.size() >= kMaxWordsPerLanguage;
  }
  // Bytes held for remembered words (their packed bytes, entries and slots), all languages.
  size_t bytes() const;
  // Words remembered, all languages.
  size_t words() const;

  // Words remembered at most per language (about 1.3 MB of packed words at 80 bytes each).
  static constexpr size_t kMaxWordsPerLanguage = 16384;

 private:
  // Open addressing with linear probing over twice the budget of slots, so probe runs stay
  // short. A slot holds the high half of the word's hash and where its entry is: a lookup reads
  // one slot and, on a hash match, one entry and its bytes.
  struct Slot {
    uint32_t hash = 0;
    uint32_t entry = 0;  // index + 1 into entries; 0: an empty slot
  };
  struct Entry {
    uint32_t offset = 0;      // of the word's UTF-16 text in `bytes`; its analysis follows
    uint32_t word_units = 0;  // UTF-16 code units of the word
    int16_t script = 0;       // UScriptCode
    bool takes_position = false;
    bool makes_token = false;
  };
  struct Table {
    std::vector<Slot> slots;     // kSlots of them once the language has a word
    std::vector<Entry> entries;  // reserved to the budget
    std::string bytes;           // every entry's word and packed analysis, one after another
  };
  static constexpr size_t kSlots = 2 * kMaxWordsPerLanguage;  // a power of two
  static_assert((kSlots & (kSlots - 1)) == 0);
  static PackedWord view(const Table& table, const Entry& entry);

  static constexpr size_t kLanguages = static_cast<size_t>(Language::kZh) + 1;
  std::array<Table, kLanguages> tables_;
};

}  // namespace jil::analysis
