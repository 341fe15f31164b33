// Implementation of document_builder.h.
#include "schema/document_builder.h"

#include <algorithm>

#include "schema/collation_key.h"
#include "schema/document_data.h"
#include "schema/filter_terms.h"
#include "schema/han_bigrams.h"
#include "schema/prefixes.h"
#include "schema/snippet_blocks.h"
#include "schema/title_words.h"
#include "schema/value_slots.h"

namespace jil::schema {
namespace {

// Code points of valid UTF-8 `text`: its bytes that do not continue a sequence.
size_t characters(const std::string& text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char byte) { return (byte & 0xC0) != 0x80; }));
}

}  // namespace

uint32_t add_text_terms(Xapian::Document& document, const std::vector<analysis::Token>& tokens,
                        uint32_t base_position, uint32_t wdf) {
  uint32_t next = base_position;
  for (const analysis::Token& token : tokens) {
    const Xapian::termpos position = base_position + token.position;
    // Han dictionary words without positions: phrases run over the characters (searchd's
    // query_builder.cc leaves the words out of them), and a fifth of a Chinese text's positions
    // went to the words.
    for (const std::string& form : token.forms) {
      if (token.kind == analysis::TokenKind::kHanWord) {
        // A word of two characters is the bigram of its characters, added below.
        if (characters(form) != 2) document.add_term(form, wdf);
      } else {
        document.add_posting(form, position, wdf);
      }
    }
    // The exact form only where it differs from the folded one (an accent, a hamza): elsewhere
    // the unprefixed form already says it, and a third term per word costs time and space.
    if (token.forms.empty() || token.exact != token.forms.front()) {
      document.add_term(term(kExactPrefix, token.exact), wdf);
    }
    // A stem that is one of the word's own forms is indexed already, unprefixed: searchd looks a
    // stem up under both spellings (query_builder.cc), so a Z term would say it twice (170 of
    // the 599 stem terms of a bench corpus document on average).
    for (const std::string& stem : token.stems) {
      if (std::find(token.forms.begin(), token.forms.end(), stem) == token.forms.end()) {
        document.add_term(term(kStemPrefix, stem), wdf);
      }
    }
    next = std::max<uint32_t>(next, position + 1);
  }
  for (const std::string& bigram : han_bigrams(tokens)) document.add_term(bigram, wdf);
  return next;
}

Result<std::unique_ptr<DocumentBuilder>> DocumentBuilder::create(analysis::Analyzer& analyzer) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    return Status(StatusCode::kInternal, std::string("ICU collator: ") + u_errorName(status));
  }
  return std::unique_ptr<DocumentBuilder>(new DocumentBuilder(analyzer, std::move(collator)));
}

std::string DocumentBuilder::title_sort_key(const std::string& title) const {
  return collation_key(*collator_, title);
}

void DocumentBuilder::add_concepts(Xapian::Document& document, const DocRecord& record,
                                   const std::map<std::string, uint32_t>& mentions) const {
  const thesaurus::Thesaurus& thesaurus = concepts_.thesaurus();
  std::vector<std::pair<std::string, uint32_t>> ranked(mentions.begin(), mentions.end());
  for (const std::string& value : record.values) {
    if (thesaurus.find(value) && !mentions.count(value)) ranked.emplace_back(value, 0);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> in_slots;
  for (const auto& [id, count] : ranked) {
    if (count > 0) document.add_term(term(kConceptPrefix, id), count);
    const std::vector<std::string> chain = thesaurus.with_ancestors(id);
    std::vector<std::string> fresh;
    for (const std::string& concept_id : chain) {
      if (std::find(in_slots.begin(), in_slots.end(), concept_id) == in_slots.end()) {
        fresh.push_back(concept_id);
      }
    }
    if (in_slots.size() + fresh.size() > kMaxConceptSlots) continue;  // the most mentioned first
    in_slots.insert(in_slots.end(), fresh.begin(), fresh.end());
  }
  // The concept filter finds exactly the documents the concept facet counts: those whose slots
  // hold the concept (a concept mentioned once among many more mentioned ones is in neither).
  for (size_t index = 0; index < in_slots.size(); ++index) {
    document.add_value(kFirstConceptSlot + static_cast<Xapian::valueno>(index), in_slots[index]);
    document.add_boolean_term(term(kConceptFacetPrefix, in_slots[index]));
  }
}

Xapian::Document DocumentBuilder::build(const DocRecord& record, const std::string& fingerprint) {
  Xapian::Document document;
  uint32_t position = 1;
  std::map<std::string, uint32_t> mentions;  // concept → times the text names it
  SnippetBlocks blocks;                      // where the body's words start, for searchd's snippets
  auto add_field = [&](const std::string& text, uint32_t base, uint32_t wdf, bool body) {
    const std::vector<analysis::Token> tokens = analyzer_.analyze(text, record.language);
    for (const auto& [id, count] : concepts_.count(tokens, record.language)) mentions[id] += count;
    if (body) blocks = snippet_blocks(tokens, base);
    return add_text_terms(document, tokens, base, wdf);
  };
  position = add_field(record.title, position, kTitleWdf, false);
  position = add_field(record.summary, position + kFieldPositionGap, kSummaryWdf, false);
  add_field(record.text, position + kFieldPositionGap, kBodyWdf, true);
  add_concepts(document, record, mentions);

  const std::string language(analysis::language_code(record.language));
  const std::string year = std::to_string(record.year);
  add_title_words(document, analyzer_.analyze(record.title, record.language), language);
  document.add_boolean_term(term(kIdPrefix, record.id));
  document.add_boolean_term(term(kWorkPrefix, record.work));
  document.add_boolean_term(filter_term(Facet::kLanguage, language));
  document.add_boolean_term(filter_term(Facet::kType, record.type));
  document.add_boolean_term(filter_term(Facet::kOrganisation, record.organisation));
  document.add_boolean_term(filter_term(Facet::kRegion, record.region));
  document.add_boolean_term(filter_term(Facet::kYear, year));
  if (!record.country.empty()) {
    document.add_boolean_term(filter_term(Facet::kCountry, record.country));
  }
  if (!record.quality.empty()) document.add_boolean_term(term(kQualityPrefix, record.quality));
  if (!record.source.empty() && record.source.size() < 200) {
    document.add_boolean_term(term(kSourcePrefix, record.source));
  }
  for (const auto& topic : record.topics) {
    document.add_boolean_term(filter_term(Facet::kTopic, topic));
  }
  for (const auto& value : record.values) {
    document.add_boolean_term(filter_term(Facet::kValue, value));
  }

  document.add_value(kYearSortSlot, Xapian::sortable_serialise(record.year));
  document.add_value(kTitleSortSlot, title_sort_key(record.title));
  document.add_value(kTitleTextSlot, record.title);
  document.add_value(kWorkSlot, record.work);
  document.add_value(kTypeSlot, record.type);
  document.add_value(kLanguageSlot, language);
  document.add_value(kCountrySlot, record.country);
  document.add_value(kRegionSlot, record.region);
  document.add_value(kOrganisationSlot, record.organisation);
  document.add_value(kYearSlot, year);
  document.add_value(kFingerprintSlot, fingerprint);
  document.add_value(kIndexedAtSlot, record.indexed_at);
  for (unsigned index = 0; index < record.topics.size() && index < kMaxTopics; ++index) {
    document.add_value(kFirstTopicSlot + index, record.topics[index]);
  }
  for (unsigned index = 0; index < record.values.size() && index < kMaxValues; ++index) {
    document.add_value(kFirstValueSlot + index, record.values[index]);
  }
  compressor_.use_dictionary(dictionaries_ ? dictionaries_->for_language(language) : nullptr);
  document.set_data(to_document_data(record, blocks, compressor_));
  return document;
}

}  // namespace jil::schema
