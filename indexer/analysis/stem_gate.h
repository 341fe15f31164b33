// Which words of a text the analyzer stems, and which it analyzes at all. Stemming is a third of
// the analysis CPU, and a caller that only compares a text's stems with a known set (searchd's
// snippets and highlighted titles, against the query's stems) can skip the words that cannot meet
// it: Snowball's English, French, Spanish and Russian stemmers only rewrite a word's ending, so a
// stem starts with the letter its folded word starts with. Arabic words are always stemmed (its
// stemmer removes prefixes). tests/unit/analysis/stem_gate_test.cc checks the first-letter rule on
// every word of corpus/. A gate made for_matches also lets the analyzer skim: a word that starts
// with an ASCII letter and has only ASCII letters and digits and the letters of Latin-1 and Latin
// Extended-A, or only letters of the basic Russian alphabet, and whose folded first letter starts
// none of the query's forms and stems, becomes a token with its position and offsets and no
// forms, without the word memory or folding (a snippet's words are mostly such).
#pragma once

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <set>
#include <string>
#include <string_view>
#include <utility>

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
  // The same, and words that can neither have one of `forms` nor one of `stems` are skimmed.
  static StemGate for_matches(const std::set<std::string>& forms,
                              const std::set<std::string>& stems);

  // Whether a word of `script` whose folded form starts with `first_letter` is stemmed.
  bool wants(UScriptCode script, UChar32 first_letter) const {
    if (every_word_ || (script != USCRIPT_LATIN && script != USCRIPT_CYRILLIC)) return true;
    return first_letters_.count(first_letter) > 0;
  }
  // Whether the analyzer may skim words (for_matches).
  bool skims() const { return skims_; }
  // Whether a word whose folded form starts with `folded_first_letter` can match nothing; false
  // for -1 (a word that is not skimmable_first_letter's).
  bool cannot_match(UChar32 folded_first_letter) const {
    return skims_ && folded_first_letter >= 0 && match_letters_.count(folded_first_letter) == 0;
  }

 private:
  StemGate(bool every_word, std::set<UChar32> first_letters)
      : every_word_(every_word), first_letters_(std::move(first_letters)) {}

  bool every_word_;
  std::set<UChar32> first_letters_;  // of the stems
  bool skims_ = false;
  std::set<UChar32> match_letters_;  // of the forms and stems, when skimming
};

// The folded first letter of a word that starts with an ASCII letter and has only ASCII letters
// and digits and the letters of Latin-1 and Latin Extended-A, or only letters of the basic Russian
// alphabet (А-я, Ёё; Ё folds to е): its first letter folds on its own, and no folding of the rest
// empties it. -1 for any other word, or one that could fold to more than `max_bytes`.
UChar32 skimmable_first_letter(std::u16string_view word, size_t max_bytes);

}  // namespace jil::analysis
