// Implementation of document_builder.h.
#include "schema/document_builder.h"

#include <algorithm>

#include "schema/filter_terms.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"

namespace jil::schema {

uint32_t add_text_terms(Xapian::Document& document, const std::vector<analysis::Token>& tokens,
                        uint32_t base_position, uint32_t wdf) {
  uint32_t next = base_position;
  for (const analysis::Token& token : tokens) {
    const Xapian::termpos position = base_position + token.position;
    for (const std::string& form : token.forms) document.add_posting(form, position, wdf);
    // The exact form only where it differs from the folded one (an accent, a hamza): elsewhere
    // the unprefixed form already says it, and a third term per word costs time and space.
    if (token.forms.empty() || token.exact != token.forms.front()) {
      document.add_term(term(kExactPrefix, token.exact), wdf);
    }
    for (const std::string& stem : token.stems) document.add_term(term(kStemPrefix, stem), wdf);
    next = std::max<uint32_t>(next, position + 1);
  }
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
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(title);
  std::string key(256, '\0');
  int32_t length = collator_->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()),
                                         static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<size_t>(length));
    length = collator_->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), length);
  }
  key.resize(length > 0 ? static_cast<size_t>(length - 1) : 0);  // drop the trailing NUL
  return key;
}

Xapian::Document DocumentBuilder::build(const DocRecord& record, const std::string& fingerprint) {
  Xapian::Document document;
  uint32_t position = 1;
  position = add_text_terms(document, analyzer_.analyze(record.title, record.language), position,
                            kTitleWdf);
  position = add_text_terms(document, analyzer_.analyze(record.summary, record.language),
                            position + kFieldPositionGap, kSummaryWdf);
  add_text_terms(document, analyzer_.analyze(record.text, record.language),
                 position + kFieldPositionGap, kBodyWdf);

  const std::string language(analysis::language_code(record.language));
  const std::string year = std::to_string(record.year);
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
  document.add_value(kWorkSlot, record.work);
  document.add_value(kTypeSlot, record.type);
  document.add_value(kLanguageSlot, language);
  document.add_value(kCountrySlot, record.country);
  document.add_value(kRegionSlot, record.region);
  document.add_value(kOrganisationSlot, record.organisation);
  document.add_value(kYearSlot, year);
  document.add_value(kFingerprintSlot, fingerprint);
  for (unsigned index = 0; index < record.topics.size() && index < kMaxTopics; ++index) {
    document.add_value(kFirstTopicSlot + index, record.topics[index]);
  }
  for (unsigned index = 0; index < record.values.size() && index < kMaxValues; ++index) {
    document.add_value(kFirstValueSlot + index, record.values[index]);
  }
  document.set_data(to_document_data(record));
  return document;
}

}  // namespace jil::schema
