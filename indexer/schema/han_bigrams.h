// Han character bigrams: every two Han characters at consecutive positions are also indexed as
// one unprefixed term without positions (法官 from 法 and 官). A Chinese phrase query then starts
// from its rare pair terms instead of checking positions in every document that has its common
// characters (了, 是, 他 are in most Chinese documents), and a two-character query is its bigram
// alone. A dictionary word of two characters is its own bigram (the same term).
#pragma once

#include <string>
#include <vector>

#include "analysis/token.h"

namespace jil::schema {

// The bigrams of `tokens` in order: the folded forms of each two kHanChar tokens whose positions
// follow each other (punctuation between them takes no position, as in a phrase query).
std::vector<std::string> han_bigrams(const std::vector<analysis::Token>& tokens);

}  // namespace jil::schema
