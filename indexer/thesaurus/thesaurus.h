// The judicial-integrity thesaurus (thesaurus/thesaurus.json, compiled in): concepts with a
// preferred and alternative labels in the six languages, broader/narrower/related links, and the
// six values of judicial conduct at the top. Used by the indexer to tag documents with concepts
// and by searchd to carry a query across languages and to browse by concept.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/language.h"
#include "base/status.h"

namespace jil::thesaurus {

struct Concept {
  std::string id;
  std::vector<std::string> broader;   // as written in the file
  std::vector<std::string> narrower;  // derived from the other concepts' broader links
  std::vector<std::string> related;
  // Labels per language; the first is the preferred label.
  std::map<analysis::Language, std::vector<std::string>> labels;
  // Labels (of `labels`) that meet a text only in their own folded forms, never through their
  // stems: those whose stem is a common word of another meaning (Spanish "juezas", women judges,
  // stems to "juez", judge).
  std::map<analysis::Language, std::vector<std::string>> exact_labels;
  std::string scope;  // English scope note
  // The scope note in each language that has one (English included).
  std::map<analysis::Language, std::string> scopes;

  // The scope note in `language`, else the English one ("" for none); `written_in` says which.
  const std::string& scope_in(analysis::Language language,
                              analysis::Language* written_in = nullptr) const;
};

class Thesaurus {
 public:
  // Parses and checks a thesaurus file: ids well formed and unique, every concept labelled in
  // all six languages, each "exact" label one of its language's labels, links pointing at existing
  // concepts, no broader cycle, related links symmetric. The message names the concept and the rule
  // it breaks.
  static Result<Thesaurus> parse(std::string_view json_text);
  // The compiled-in thesaurus; aborts on failure (a build defect, caught by the tests).
  static const Thesaurus& built_in();

  const std::vector<Concept>& concepts() const { return concepts_; }
  const Concept* find(std::string_view id) const;
  // Concepts with no broader concept, in file order.
  std::vector<std::string> top_concepts() const;
  // `id` followed by every concept above it, nearest first, each once.
  std::vector<std::string> with_ancestors(std::string_view id) const;
  // The preferred label in `language`, English when it has none, the id when unknown.
  std::string preferred_label(std::string_view id, analysis::Language language) const;
  int version() const { return version_; }

 private:
  std::vector<Concept> concepts_;
  std::map<std::string, size_t, std::less<>> index_;
  int version_ = 0;
};

// True for ids of the form [a-z0-9][a-z0-9-]{0,79}.
bool is_valid_concept_id(std::string_view id);

}  // namespace jil::thesaurus
