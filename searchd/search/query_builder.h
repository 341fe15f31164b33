// Turns a parsed query into a Xapian query through the shared analyzer, so that each word is
// analyzed exactly as the indexer analyzed the documents; also records what to highlight.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "search/query_syntax.h"
#include "search/stem_siblings.h"

namespace jil::search {

struct BuiltQuery {
  Xapian::Query query;                // MatchNothing-free; empty() when the query had no words
  std::set<std::string> match_forms;  // folded forms of positive words, for highlighting
  std::set<std::string> match_stems;  // their stems (unprefixed)
  std::set<std::string> match_words;  // first folded form of each positive word or Han character
  // Each positive run of Han characters (folded), for highlighting: a document matches the whole
  // run, so its characters are marked only where they stand together (snippet_maker.h).
  std::vector<std::vector<std::string>> han_runs;
  bool has_exact = false;  // the query asks for exact forms (=word): no widening
};

// kInvalidArgument when the query only excludes ("-a -b"): nothing to rank. With `siblings`,
// each position of a phrase (quoted, hyphenated, elided) also meets the index's other forms of
// its word's stems ("conflicts of interest" for "conflict of interest"); without it, only the
// forms typed (highlighting a document, where no index is at hand).
Result<BuiltQuery> build_query(const QueryNode& tree, analysis::Analyzer& analyzer,
                               analysis::Language language, StemSiblings* siblings = nullptr);

}  // namespace jil::search
