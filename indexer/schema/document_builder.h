// Builds the Xapian document for a DocRecord: text terms (title, summary, body) through the
// shared analyzer, boolean filter terms, facet value slots and the document data.
// Not thread-safe (owns an ICU collator and uses the caller's Analyzer).
#pragma once

#include <unicode/coll.h>
#include <xapian.h>

#include <map>
#include <memory>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/token.h"
#include "schema/compressed_block.h"
#include "schema/doc_record.h"
#include "schema/language_dictionaries.h"
#include "thesaurus/concept_matcher.h"

namespace jil::schema {

// Gap between fields so that a phrase never spans title and body.
inline constexpr uint32_t kFieldPositionGap = 100;
// Within-document frequency added per occurrence: title words weigh more than body words.
inline constexpr uint32_t kTitleWdf = 5;
inline constexpr uint32_t kSummaryWdf = 2;
inline constexpr uint32_t kBodyWdf = 1;

// Adds tokens as index terms: each form at base + position, exact and stem terms without
// positions (a stem only where it is not one of the word's forms). Returns the next free position.
uint32_t add_text_terms(Xapian::Document& document, const std::vector<analysis::Token>& tokens,
                        uint32_t base_position, uint32_t wdf);

class DocumentBuilder {
 public:
  static Result<std::unique_ptr<DocumentBuilder>> create(analysis::Analyzer& analyzer);

  // `fingerprint` identifies the original and its metadata: an unchanged file is skipped.
  Xapian::Document build(const DocRecord& record, const std::string& fingerprint);
  // Documents built from now on compress their data with the dictionary of their language in
  // `dictionaries` (null: none), those the index's writer trained (language_dictionaries.h).
  void use_text_dictionaries(std::shared_ptr<const LanguageDictionaries> dictionaries) {
    dictionaries_ = std::move(dictionaries);
  }

 private:
  DocumentBuilder(analysis::Analyzer& analyzer, std::unique_ptr<icu::Collator> collator)
      : analyzer_(analyzer),
        collator_(std::move(collator)),
        concepts_(thesaurus::Thesaurus::built_in(), analyzer) {}

  std::string title_sort_key(const std::string& title) const;
  // N terms (weighted by mentions) for the thesaurus concepts the text names; facet slots and
  // XN filter terms, alike, for the most mentioned of them and the judicial values the metadata
  // gives (the thesaurus' top concepts), with their broader concepts, up to kMaxConceptSlots.
  void add_concepts(Xapian::Document& document, const DocRecord& record,
                    const std::map<std::string, uint32_t>& mentions) const;

  analysis::Analyzer& analyzer_;
  std::unique_ptr<icu::Collator> collator_;
  thesaurus::ConceptMatcher concepts_;
  BlockCompressor compressor_;
  std::shared_ptr<const LanguageDictionaries> dictionaries_;
};

}  // namespace jil::schema
