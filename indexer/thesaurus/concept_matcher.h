// Finds thesaurus concepts in text: every label is analyzed once, in its own language, by the
// same Analyzer that analyzes documents and queries, and matched as a sequence of word keys (the
// stem where the language has one, else the folded form), so "conflicts of interest" meets the
// label "conflict of interest" and 利益衝突 meets 利益冲突. A concept's exact labels
// (thesaurus.h) are matched by their folded forms only.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "thesaurus/thesaurus.h"

namespace jil::thesaurus {

class ConceptMatcher {
 public:
  // Analyzes every label of `thesaurus` (kept by reference) with `analyzer`.
  ConceptMatcher(const Thesaurus& thesaurus, analysis::Analyzer& analyzer);

  // Concept id → how many times one of its labels in `language` occurs in `tokens` (the
  // analyzer's tokens of a text in that language); overlapping labels of one concept count once.
  std::map<std::string, uint32_t> count(const std::vector<analysis::Token>& tokens,
                                        analysis::Language language) const;

  // Concepts with a label, in any of the six languages, that occurs in `text` (a query), in the
  // order first found.
  std::vector<std::string> concepts_in_query(std::string_view text) const;

  const Thesaurus& thesaurus() const { return thesaurus_; }

 private:
  struct Label {
    std::vector<std::string> keys;
    size_t concept_index;
  };
  using LabelsByFirstKey = std::unordered_map<std::string, std::vector<Label>>;
  // A language's labels: by stem keys, and the exact ones by form keys.
  struct LanguageLabels {
    LabelsByFirstKey by_stem;
    LabelsByFirstKey by_form;
  };

  void add_matches(const std::vector<analysis::Token>& tokens, const LanguageLabels& labels,
                   std::map<std::string, uint32_t>& counts) const;

  const Thesaurus& thesaurus_;
  analysis::Analyzer& analyzer_;
  std::map<analysis::Language, LanguageLabels> labels_;
};

// The keys of the positional tokens (Han dictionary words left out), one per word: `stems` the
// stem where the language has one, else the folded form; `forms` the folded form (an Arabic
// word's without its proclitics).
struct WordKeys {
  std::vector<std::string> stems;
  std::vector<std::string> forms;
};
WordKeys word_keys(const std::vector<analysis::Token>& tokens);

}  // namespace jil::thesaurus
