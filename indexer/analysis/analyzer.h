// The text analyzer shared by jil-indexer and jil-searchd: the same code turns a document and a
// query into terms, so that what a judge types meets what the document says.
// Not thread-safe: each thread owns its Analyzer (ICU break iterators carry state).
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/chinese_folding.h"
#include "analysis/language.h"
#include "analysis/stem_gate.h"
#include "analysis/token.h"
#include "analysis/token_folding.h"
#include "analysis/word_cache.h"
#include "analysis/word_segmenter.h"
#include "base/status.h"

namespace jil::analysis {

// Words longer than this after folding are not indexed (they are noise or attacks, and Xapian
// caps terms at 245 bytes).
inline constexpr size_t kMaxTermBytes = 120;

// Whether the analysis of Han text yields its dictionary words as well as its characters.
enum class HanWords { kMake, kSkip };

class Analyzer {
 public:
  // Fails only when ICU data is missing.
  static Result<std::unique_ptr<Analyzer>> create();

  // Tokens of `utf8_text` (must be valid UTF-8) in document order. `language` chooses the
  // segmentation locale and the stemmer; kUnd (queries in no known language) stems each word in
  // every language of its script.
  std::vector<Token> analyze(std::string_view utf8_text, Language language) {
    return analyze(utf8_text, language, StemGate::every_word());
  }
  // The same, with stems only for the words `gate` wants (the others have none), and with Han
  // dictionary words (kHanWord tokens) only when `han_words` is kMake. Skipping them skips ICU's
  // dictionary segmentation and changes no other token (searchd's snippets mark characters).
  std::vector<Token> analyze(std::string_view utf8_text, Language language, const StemGate& gate,
                             HanWords han_words = HanWords::kMake);

  // Words the analyzer remembers (word_cache.h), and the bytes they take: for figures.
  size_t remembered_words() const { return words_.words(); }
  size_t remembered_bytes() const { return words_.bytes(); }

 private:
  Analyzer(TokenFolding folding, std::unique_ptr<ChineseFolding> chinese)
      : folding_(std::move(folding)), chinese_(std::move(chinese)) {}

  void add_han_tokens(const icu::UnicodeString& text, const WordSpan& span, HanWords han_words,
                      uint32_t& position, std::vector<Token>& tokens);
  void add_word_token(const icu::UnicodeString& word, const WordSpan& span, Language language,
                      const StemGate& gate, uint32_t& position, std::vector<Token>& tokens);
  // Everything add_word_token makes of `word` but its position and offsets (word_cache.h); the
  // stems only of the forms `gate` wants (every_word() for what the word memory keeps).
  AnalyzedWord analyze_word(const icu::UnicodeString& word, Language language,
                            const StemGate& gate);
  std::vector<std::string> stems_for(const std::string& folded, UChar32 first_letter,
                                     Language language);

  // A character of a Han run, folded (Simplified) and case-folded, in UTF-8: remembered, since
  // a text repeats a few thousand characters and folding one costs two ICU calls.
  struct HanCharacter {
    std::string folded;
    std::string exact;
  };
  const HanCharacter& han_character(UChar32 c);
  // Characters remembered at most (a few MB); past it the memory starts again.
  static constexpr size_t kMaxHanCharactersRemembered = 20000;

  TokenFolding folding_;
  std::unique_ptr<ChineseFolding> chinese_;
  WordSpanSegmenter segmenter_;
  WordCache words_;
  std::string unremembered_;  // a word's packed analysis when words_ is full
  std::map<Language, Xapian::Stem> stemmers_;
  std::unordered_map<UChar32, HanCharacter> han_characters_;
};

}  // namespace jil::analysis
