// Suggestions as you type (GET /api/v1/suggest): the title words that start with the last word
// typed, folded like a query, most frequent first (Xapian allterms_begin over the XS title word
// terms, schema/title_words.h), each as a completion of the whole text, and the titles that
// contain them. Every cost is capped: the prefix length, the terms read and the answers.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/analyzer.h"

namespace jil::search {

inline constexpr size_t kMaxSuggestTextBytes = 200;   // the whole text typed (q)
inline constexpr size_t kMaxSuggestTermsRead = 2000;  // title word terms read per language
inline constexpr size_t kMaxSuggestedTerms = 8;
inline constexpr size_t kMaxSuggestedTitles = 5;
inline constexpr size_t kMinSuggestPrefixLetters = 2;  // one for Han characters

struct SuggestedTerm {
  std::string word;        // the title word, case-folded with its accents
  std::string completion;  // the text typed with its last word completed by `word`
  uint64_t documents = 0;  // titles that contain it
};

struct SuggestedTitle {
  std::string id;
  std::string title;
  std::string language;
};

struct Suggestions {
  std::vector<SuggestedTerm> terms;    // most frequent first
  std::vector<SuggestedTitle> titles;  // titles with the most frequent words first
};

// `text` is what was typed (at most kMaxSuggestTextBytes, valid UTF-8); `language` kUnd means
// every language. `home`, the reader's language (kUnd: none), puts the words of its titles
// first, most frequent first, then the others: a French reader typing "judic" gets
// "judiciaire" before the more frequent English "judicial".
Suggestions suggest(const Xapian::Database& database, analysis::Analyzer& analyzer,
                    const std::string& text, analysis::Language language,
                    analysis::Language home = analysis::Language::kUnd);

}  // namespace jil::search
