// Implementation of hit_maker.h (before, the loop at the end of Searcher::run_search).
#include "search/hit_maker.h"

#include <algorithm>

#include "schema/document_data.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"

namespace jil::search {

HitMaker::HitMaker(const Xapian::Database& database, analysis::Analyzer& analyzer,
                   schema::BlockDecompressor& decompressor, const LocalTables* tables,
                   const BuiltQuery& built, const TranslationCollapse& collapse,
                   const Xapian::Query& query)
    : database_(database),
      decompressor_(decompressor),
      tables_(tables),
      collapse_(collapse),
      query_(query),
      snippets_(analyzer, built.match_forms, built.match_stems, built.match_words.size()),
      passages_(database, analyzer, built.match_forms, built.match_stems) {}

std::vector<std::string> HitMaker::work_languages(const std::string& work) const {
  if (tables_ != nullptr) return tables_->works().languages(work);
  std::vector<std::string> languages;
  const std::string work_term = schema::term(schema::kWorkPrefix, work);
  for (auto posting = database_.postlist_begin(work_term);
       posting != database_.postlist_end(work_term); ++posting) {
    languages.push_back(database_.get_document(*posting).get_value(schema::kLanguageSlot));
  }
  std::sort(languages.begin(), languages.end());
  languages.erase(std::unique(languages.begin(), languages.end()), languages.end());
  return languages;
}

Result<SearchHit> HitMaker::make(const RankedMatch& match) {
  Xapian::Document document = database_.get_document(match.docid);
  if (collapse_.enabled()) document = collapse_.shown_version(database_, query_, document);
  // The head of the data and the blocks of one passage: never the whole text (document_data.h).
  const std::string data = document.get_data();
  Result<schema::HitData> stored = schema::read_hit_data(data, decompressor_);
  if (!stored.is_ok()) return stored.status();
  schema::DocRecord& record = stored->record;
  const size_t text_size = stored->text_size;
  const size_t window = snippet_window(record.language);
  SearchHit hit;
  hit.weight = match.weight;
  hit.title = snippets_.highlighted(record.title, record.language);
  const Passage passage =
      passages_.find(document.get_docid(), stored->blocks, text_size, record.language, window)
          .value_or(PassageFinder::opening(stored->blocks, text_size, window));
  // Only the compressed blocks holding the passage are inflated.
  Result<std::string> shown = schema::read_text(*stored, passage.begin, passage.end, decompressor_);
  if (!shown.is_ok()) return shown.status();
  hit.snippet = snippets_.snippet_at(*shown, passage.begin, text_size, record.language);
  if (snippets_.first_match_offset() != std::string_view::npos && !record.page_offsets.empty()) {
    const auto& pages = record.page_offsets;  // where each page starts in the text
    hit.page = static_cast<uint32_t>(
        std::upper_bound(pages.begin(), pages.end(), snippets_.first_match_offset()) -
        pages.begin());
  }
  if (hit.snippet.empty()) hit.snippet = snippets_.snippet(record.summary, record.language);
  hit.work_languages = work_languages(record.work);
  if (collapse_.enabled()) {
    hit.other_versions =
        tables_ != nullptr
            ? tables_->works().other_versions(database_, record.work, document.get_docid())
            : TranslationCollapse::other_versions(database_, document);
  }
  hit.record = std::move(record);
  return hit;
}

}  // namespace jil::search
