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
                   const Xapian::Query& query, bool versions_chosen, HitParts parts)
    : database_(database),
      decompressor_(decompressor),
      tables_(tables),
      collapse_(collapse),
      query_(query),
      versions_chosen_(versions_chosen),
      parts_(parts),
      has_words_(!built.match_words.empty()),
      snippets_(analyzer, built.match_forms, built.match_stems, built.match_words.size(),
                &built.han_runs),
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

// An entry between stages; `stored` views into `data`, so a Pending is not moved once read.
struct HitMaker::Pending {
  double weight = 0;
  Xapian::Document document;
  std::string data;
  schema::HitData stored;
  Status status;  // the first error: the later stages skip the entry
  Passage passage;
  std::string shown;  // the passage's text
  // The body holds no query word (the document matched through a concept, another language's
  // words or its title alone): its summary says more than its opening, which mostly repeats the
  // title shown above it.
  bool body_without_words = false;
};

void HitMaker::read_head(const RankedMatch& match, Pending& pending) {
  pending.weight = match.weight;
  pending.document = database_.get_document(match.shown != 0 ? match.shown : match.docid);
  if (collapse_.enabled() && !versions_chosen_) {
    pending.document = collapse_.shown_version(database_, query_, pending.document);
  }
  // The head of the data and the blocks of one passage: never the whole text (document_data.h).
  pending.data = pending.document.get_data();
  Result<schema::HitData> stored = schema::read_hit_data(pending.data, decompressor_);
  if (!stored.is_ok()) {
    pending.status = stored.status();
    return;
  }
  pending.stored = std::move(stored).value();
}

bool HitMaker::describes_itself(const Pending& pending) const {
  return (!has_words_ || pending.body_without_words) && !pending.stored.record.summary.empty();
}

void HitMaker::find_passage(Pending& pending) {
  if (!pending.status.is_ok() || describes_itself(pending)) return;
  const schema::HitData& stored = pending.stored;
  const size_t window = snippet_window(stored.record.language);
  const std::optional<Passage> found =
      passages_.find(pending.document.get_docid(), stored.blocks, stored.text_size,
                     stored.record.language, window);
  pending.body_without_words = !found;
  if (describes_itself(pending)) return;
  pending.passage = found.value_or(PassageFinder::opening(stored.blocks, stored.text_size, window));
}

void HitMaker::read_passage(Pending& pending) {
  if (!pending.status.is_ok() || describes_itself(pending)) return;
  // Only the compressed blocks holding the passage are inflated.
  Result<std::string> shown =
      schema::read_text(pending.stored, pending.passage.begin, pending.passage.end, decompressor_);
  if (!shown.is_ok()) {
    pending.status = shown.status();
    return;
  }
  pending.shown = std::move(shown).value();
}

Result<SearchHit> HitMaker::finish(Pending& pending) {
  if (!pending.status.is_ok()) return pending.status;
  schema::DocRecord& record = pending.stored.record;
  SearchHit hit;
  hit.weight = pending.weight;
  if (parts_.title_highlighted) hit.title = snippets_.highlighted(record.title, record.language);
  if (parts_.snippet && describes_itself(pending)) {
    hit.snippet = snippets_.snippet(record.summary, record.language);
  } else if (parts_.snippet) {
    hit.snippet =
        snippets_.snippet_at(pending.shown, pending.passage.begin, pending.stored.text_size,
                             record.language, pending.passage.title_echo_words);
    if (snippets_.first_match_offset() != std::string_view::npos && !record.page_offsets.empty()) {
      const auto& pages = record.page_offsets;  // where each page starts in the text
      hit.page = static_cast<uint32_t>(
          std::upper_bound(pages.begin(), pages.end(), snippets_.first_match_offset()) -
          pages.begin());
    }
    if (hit.snippet.empty()) hit.snippet = snippets_.snippet(record.summary, record.language);
  }
  if (parts_.work_languages) hit.work_languages = work_languages(record.work);
  if (collapse_.enabled() && parts_.other_versions) {
    hit.other_versions =
        tables_ != nullptr
            ? tables_->works().other_versions(database_, record.work, pending.document.get_docid())
            : TranslationCollapse::other_versions(database_, pending.document);
  }
  hit.record = std::move(record);
  return hit;
}

std::vector<Result<SearchHit>> HitMaker::make(std::span<const RankedMatch> matches) {
  // Sized once: `stored` views into `data`, which must not move.
  std::vector<Pending> pending(matches.size());
  for (size_t index = 0; index < matches.size(); ++index) read_head(matches[index], pending[index]);
  std::vector<Result<SearchHit>> made;
  made.reserve(pending.size());
  if (!parts_.snippet) {  // the head is all a hit is made of
    for (Pending& entry : pending) made.push_back(finish(entry));
    return made;
  }
  for (Pending& entry : pending) find_passage(entry);
  // Back to back per dictionary (one per language), each read into the CPU's caches first.
  std::vector<Pending*> by_dictionary;
  for (Pending& entry : pending) by_dictionary.push_back(&entry);
  std::stable_sort(by_dictionary.begin(), by_dictionary.end(),
                   [](const Pending* a, const Pending* b) {
                     return a->stored.dictionary_id < b->stored.dictionary_id;
                   });
  for (size_t index = 0; index < by_dictionary.size(); ++index) {
    Pending& entry = *by_dictionary[index];
    if (index == 0 ||
        by_dictionary[index - 1]->stored.dictionary_id != entry.stored.dictionary_id) {
      decompressor_.warm(entry.stored.dictionary_id);
    }
    read_passage(entry);
  }
  for (Pending& entry : pending) made.push_back(finish(entry));
  return made;
}

}  // namespace jil::search
