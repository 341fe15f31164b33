// Turns a parsed query into a Xapian query through the shared analyzer, so that each word is
// analyzed exactly as the indexer analyzed the documents; also records what to highlight.
#pragma once

#include <xapian.h>

#include <set>
#include <string>

#include "analysis/analyzer.h"
#include "search/query_syntax.h"

namespace jil::search {

struct BuiltQuery {
  Xapian::Query query;                // MatchNothing-free; empty() when the query had no words
  std::set<std::string> match_forms;  // folded forms of positive words, for highlighting
  std::set<std::string> match_stems;  // their stems (unprefixed)
  std::set<std::string> match_words;  // first folded form of each positive word or Han character
  bool has_exact = false;             // the query asks for exact forms (=word): no widening
};

// kInvalidArgument when the query only excludes ("-a -b"): nothing to rank.
Result<BuiltQuery> build_query(const QueryNode& tree, analysis::Analyzer& analyzer,
                               analysis::Language language);

}  // namespace jil::search
