// The query language judges type, turned into a tree (no Xapian, no analysis here):
//   words            all must match (AND)
//   "a phrase"       words in this order
//   -word, -"..."    must not match
//   a OR b           either
//   =word            this exact form (no accent or case folding beyond lower case, no stemming)
//   ( ... )          grouping
// Malformed input gets kInvalidArgument with a message a person can act on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace jil::search {

// Limits on what one query may ask for (Xapian cannot stop a running match, so cap the input).
inline constexpr size_t kMaxQueryBytes = 1000;
inline constexpr size_t kMaxQueryTerms = 32;
inline constexpr int kMaxQueryDepth = 8;

struct QueryNode {
  enum class Kind { kWord, kPhrase, kExact, kAnd, kOr, kNot };
  Kind kind = Kind::kWord;
  std::string text;                 // for kWord, kPhrase, kExact
  std::vector<QueryNode> children;  // kAnd, kOr: operands; kNot: the excluded operand
};

// Parses `query`, which must be valid UTF-8. An empty or blank query gives an empty kAnd.
Result<QueryNode> parse_query(std::string_view query);

// Canonical text of a tree, for tests and logs: AND(word:a, NOT(phrase:b c)).
std::string describe(const QueryNode& node);

}  // namespace jil::search
