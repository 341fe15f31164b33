// Implementation of concept_matcher.h.
#include "thesaurus/concept_matcher.h"

#include <algorithm>

namespace jil::thesaurus {

std::vector<std::string> word_keys(const std::vector<analysis::Token>& tokens) {
  std::vector<std::string> keys;
  keys.reserve(tokens.size());
  for (const analysis::Token& token : tokens) {
    if (token.kind == analysis::TokenKind::kHanWord || token.forms.empty()) continue;
    keys.push_back(token.stems.empty() ? token.forms.back() : token.stems.front());
  }
  return keys;
}

ConceptMatcher::ConceptMatcher(const Thesaurus& thesaurus, analysis::Analyzer& analyzer)
    : thesaurus_(thesaurus), analyzer_(analyzer) {
  for (size_t index = 0; index < thesaurus.concepts().size(); ++index) {
    for (const auto& [language, labels] : thesaurus.concepts()[index].labels) {
      for (const std::string& label : labels) {
        std::vector<std::string> keys = word_keys(analyzer.analyze(label, language));
        if (keys.empty()) continue;
        LabelsByFirstKey& by_first = labels_[language];
        by_first[keys.front()].push_back({std::move(keys), index});
      }
    }
  }
}

void ConceptMatcher::add_matches(const std::vector<std::string>& keys,
                                 const LabelsByFirstKey& labels,
                                 std::map<std::string, uint32_t>& counts) const {
  // Where the last counted mention of each concept ends: overlapping labels of one concept
  // ("урегулирование конфликта интересов", "конфликт интересов") are one mention.
  std::map<size_t, size_t> mention_end;
  for (size_t start = 0; start < keys.size(); ++start) {
    const auto candidates = labels.find(keys[start]);
    if (candidates == labels.end()) continue;
    for (const Label& label : candidates->second) {
      if (start + label.keys.size() > keys.size()) continue;
      if (!std::equal(label.keys.begin() + 1, label.keys.end(), keys.begin() + start + 1)) continue;
      const auto [previous, first] = mention_end.emplace(label.concept_index, 0);
      if (!first && start < previous->second) {
        previous->second = std::max(previous->second, start + label.keys.size());
        continue;
      }
      previous->second = start + label.keys.size();
      ++counts[thesaurus_.concepts()[label.concept_index].id];
    }
  }
}

std::map<std::string, uint32_t> ConceptMatcher::count(const std::vector<analysis::Token>& tokens,
                                                      analysis::Language language) const {
  std::map<std::string, uint32_t> counts;
  const auto labels = labels_.find(language);
  if (labels != labels_.end()) add_matches(word_keys(tokens), labels->second, counts);
  return counts;
}

std::vector<std::string> ConceptMatcher::concepts_in_query(std::string_view text) const {
  std::vector<std::string> found;
  for (analysis::Language language : analysis::all_languages()) {
    const auto labels = labels_.find(language);
    if (labels == labels_.end()) continue;
    std::map<std::string, uint32_t> counts;
    add_matches(word_keys(analyzer_.analyze(text, language)), labels->second, counts);
    for (const auto& [id, occurrences] : counts) {
      if (std::find(found.begin(), found.end(), id) == found.end()) found.push_back(id);
    }
  }
  return found;
}

}  // namespace jil::thesaurus
