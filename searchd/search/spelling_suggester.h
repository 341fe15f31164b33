// "Did you mean": when a search finds fewer than kSuggestBelowResults results, each plain word
// of the query (not a phrase, an =exact word or an excluded word) that is neither in the spelling
// dictionary (schema/spelling_words.h) nor an indexed term is replaced by Xapian's closest
// dictionary word, the most frequent one at the smallest edit distance.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>

#include "analysis/analyzer.h"
#include "search/query_syntax.h"

namespace jil::search {

inline constexpr uint64_t kSuggestBelowResults = 3;
// Edit distances allowed: one for words of up to kShortWordLetters letters, two for longer ones.
inline constexpr size_t kShortWordLetters = 5;

// The corrected query, or "" when no word needs (or has) a correction.
std::string spelling_suggestion(const Xapian::Database& database, analysis::Analyzer& analyzer,
                                const QueryNode& tree, const std::string& query,
                                analysis::Language language);

}  // namespace jil::search
