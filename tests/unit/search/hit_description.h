// One search result as a line of text, for tests that compare the results of two ways of making
// them: id, weight exactly (hexadecimal floating point), page, title and snippet with their
// matches marked, and the work's languages.
#pragma once

#include <cstdio>
#include <string>

#include "search/searcher.h"

namespace jil::search {

inline std::string hit_description(const SearchHit& hit) {
  char weight[64];
  std::snprintf(weight, sizeof(weight), "%a", hit.weight);
  std::string out = hit.record.id + " " + weight + " page " + std::to_string(hit.page) + " |";
  for (const TextPart& part : hit.title) out += (part.match ? "[" : "") + part.text + "|";
  for (const TextPart& part : hit.snippet) out += (part.match ? "[" : "") + part.text + "|";
  for (const std::string& language : hit.work_languages) out += " " + language;
  return out;
}

}  // namespace jil::search
