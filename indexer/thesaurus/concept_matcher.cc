// Implementation of concept_matcher.h.
#include "thesaurus/concept_matcher.h"

#include <algorithm>

namespace jil::thesaurus {

WordKeys word_keys(const std::vector<analysis::Token>& tokens) {
  WordKeys keys;
  keys.stems.reserve(tokens.size());
  keys.forms.reserve(tokens.size());
  for (const analysis::Token& token : tokens) {
    if (token.kind == analysis::TokenKind::kHanWord || token.forms.empty()) continue;
    keys.stems.push_back(token.stems.empty() ? token.forms.back() : token.stems.front());
    keys.forms.push_back(token.forms.back());
  }
  return keys;
}

ConceptMatcher::ConceptMatcher(const Thesaurus& thesaurus, analysis::Analyzer& analyzer)
    : thesaurus_(thesaurus), analyzer_(analyzer) {
  for (size_t index = 0; index < thesaurus.concepts().size(); ++index) {
    const Concept& concept_entry = thesaurus.concepts()[index];
    for (const auto& [language, labels] : concept_entry.labels) {
      const auto exact = concept_entry.exact_labels.find(language);
      for (const std::string& label : labels) {
        const bool by_form =
            exact != concept_entry.exact_labels.end() &&
            std::find(exact->second.begin(), exact->second.end(), label) != exact->second.end();
        WordKeys keys = word_keys(analyzer.analyze(label, language));
        std::vector<std::string>& label_keys = by_form ? keys.forms : keys.stems;
        if (label_keys.empty()) continue;
        LanguageLabels& of_language = labels_[language];
        LabelsByFirstKey& by_first = by_form ? of_language.by_form : of_language.by_stem;
        by_first[label_keys.front()].push_back({std::move(label_keys), index});
      }
    }
  }
}

void ConceptMatcher::add_matches(const std::vector<analysis::Token>& tokens,
                                 const LanguageLabels& labels,
                                 std::map<std::string, uint32_t>& counts) const {
  const WordKeys keys = word_keys(tokens);
  // Where the last counted mention of each concept ends: overlapping labels of one concept
  // ("урегулирование конфликта интересов", "конфликт интересов") are one mention.
  std::map<size_t, size_t> mention_end;
  auto match_at = [&](size_t start, const std::vector<std::string>& text_keys,
                      const LabelsByFirstKey& by_first) {
    const auto candidates = by_first.find(text_keys[start]);
    if (candidates == by_first.end()) return;
    for (const Label& label : candidates->second) {
      if (start + label.keys.size() > text_keys.size()) continue;
      if (!std::equal(label.keys.begin() + 1, label.keys.end(), text_keys.begin() + start + 1)) {
        continue;
      }
      const auto [previous, first] = mention_end.emplace(label.concept_index, 0);
      if (!first && start < previous->second) {
        previous->second = std::max(previous->second, start + label.keys.size());
        continue;
      }
      previous->second = start + label.keys.size();
      ++counts[thesaurus_.concepts()[label.concept_index].id];
    }
  };
  for (size_t start = 0; start < keys.stems.size(); ++start) {
    match_at(start, keys.stems, labels.by_stem);
    if (!labels.by_form.empty()) match_at(start, keys.forms, labels.by_form);
  }
}

std::map<std::string, uint32_t> ConceptMatcher::count(const std::vector<analysis::Token>& tokens,
                                                      analysis::Language language) const {
  std::map<std::string, uint32_t> counts;
  const auto labels = labels_.find(language);
  if (labels != labels_.end()) add_matches(tokens, labels->second, counts);
  return counts;
}

std::vector<std::string> ConceptMatcher::concepts_in_query(std::string_view text) const {
  std::vector<std::string> found;
  for (analysis::Language language : analysis::all_languages()) {
    const auto labels = labels_.find(language);
    if (labels == labels_.end()) continue;
    std::map<std::string, uint32_t> counts;
    add_matches(analyzer_.analyze(text, language), labels->second, counts);
    for (const auto& [id, occurrences] : counts) {
      if (std::find(found.begin(), found.end(), id) == found.end()) found.push_back(id);
    }
  }
  return found;
}

}  // namespace jil::thesaurus
