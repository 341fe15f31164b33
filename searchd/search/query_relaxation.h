// The query asked again with any of its words, for when no document has them all: a judge who
// types a question ("how should judges use social media", "法官可以收礼吗") gets the documents
// with most of its words, ranked by how many and how rare they are, instead of nothing. Only the
// top level is relaxed: its required operands become alternatives, excluded ones stay excluded,
// and phrases, exact forms and OR groups stay whole. A Han run typed without spaces is one word
// to the parser; here it is split into its dictionary words (and the characters no word covers).
#pragma once

#include <optional>

#include "analysis/analyzer.h"
#include "search/query_syntax.h"

namespace jil::search {

// The relaxed tree of `tree`, or nullopt when relaxing would not widen it (fewer than two
// alternatives, or already one OR).
std::optional<QueryNode> relaxed_query(const QueryNode& tree, analysis::Analyzer& analyzer,
                                       analysis::Language language);

}  // namespace jil::search
