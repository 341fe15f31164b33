// Implementation of searcher.h, the reads that are not searches: one document, its related
// documents and versions, the works, concept counts, suggestions, removed documents, the index's
// revision and when the library last changed.
#include "search/searcher.h"

#include <algorithm>
#include <chrono>

#include "base/utc_time.h"
#include "schema/document_data.h"
#include "schema/filter_terms.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"
#include "search/related_documents.h"

namespace jil::search {

Result<std::map<std::string, Xapian::doccount>> Searcher::concept_document_counts() {
  return with_fresh_database([&]() -> Result<std::map<std::string, Xapian::doccount>> {
    std::map<std::string, Xapian::doccount> counts;
    for (const thesaurus::Concept& entry : concepts_->thesaurus().concepts()) {
      counts[entry.id] =
          database_.get_termfreq(schema::filter_term(schema::Facet::kConcept, entry.id));
    }
    return counts;
  });
}

Result<std::vector<WorkSummary>> Searcher::works() {
  return with_fresh_database([&]() -> Result<std::vector<WorkSummary>> {
    std::vector<WorkSummary> out;
    const std::string prefix(schema::kWorkPrefix);
    for (auto term = database_.allterms_begin(prefix); term != database_.allterms_end(prefix);
         ++term) {
      WorkSummary summary{(*term).substr(prefix.size()), {}};
      for (auto posting = database_.postlist_begin(*term); posting != database_.postlist_end(*term);
           ++posting) {
        // The head only: the text is not read.
        Result<schema::HitData> stored =
            schema::read_hit_data(database_.get_document(*posting).get_data(), decompressor_);
        if (!stored.is_ok()) return stored.status();
        const schema::DocRecord* record = &stored->record;
        summary.versions.push_back(
            {record->id, std::string(analysis::language_code(record->language)), record->title});
      }
      std::sort(summary.versions.begin(), summary.versions.end(),
                [](const WorkVersion& a, const WorkVersion& b) { return a.language < b.language; });
      out.push_back(std::move(summary));
    }
    return out;
  });
}

Xapian::doccount Searcher::document_count() {
  Result<Xapian::doccount> count =
      with_fresh_database([&]() -> Result<Xapian::doccount> { return database_.get_doccount(); });
  return count.is_ok() ? *count : 0;
}

uint64_t Searcher::index_revision() {
  Result<uint64_t> revision =
      with_fresh_database([&]() -> Result<uint64_t> { return revision_now(); });
  return revision.is_ok() ? *revision : 0;
}

Result<std::string> Searcher::library_updated() {
  Result<std::string> newest = with_fresh_database([&]() -> Result<std::string> {
    // Both are "YYYY-MM-DDThh:mm:ssZ", so the later is the greater.
    return std::max(database_.get_value_upper_bound(schema::kIndexedAtSlot),
                    database_.get_metadata(std::string(schema::kLastRemovalKey)));
  });
  if (!newest.is_ok() || !newest->empty()) return newest;
  std::error_code error;
  const std::filesystem::file_time_type written = std::filesystem::last_write_time(path_, error);
  if (error) {
    return Status(StatusCode::kUnavailable,
                  "cannot read when " + path_ + " was written: " + error.message());
  }
  return utc_timestamp(
      std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(written)));
}

Result<std::vector<schema::RemovedDocument>> Searcher::removed_documents() {
  return with_fresh_database([&]() -> Result<std::vector<schema::RemovedDocument>> {
    try {
      return schema::removed_documents(database_);
    } catch (const Xapian::UnimplementedError&) {
      return std::vector<schema::RemovedDocument>{};  // a backend without metadata listing
    }
  });
}

Result<Suggestions> Searcher::suggestions(const std::string& text, analysis::Language language,
                                          analysis::Language home) {
  return with_fresh_database([&]() -> Result<Suggestions> {
    return suggest(database_, *analyzer_, text, language, home);
  });
}

Result<schema::DocRecord> Searcher::document(const std::string& id) {
  return with_fresh_database([&]() -> Result<schema::DocRecord> {
    const std::string id_term = schema::term(schema::kIdPrefix, id);
    Xapian::PostingIterator posting = database_.postlist_begin(id_term);
    if (posting == database_.postlist_end(id_term)) {
      return not_found("no document with id '" + id + "'");
    }
    return schema::from_document_data(database_.get_document(*posting).get_data(), decompressor_);
  });
}

Result<std::vector<schema::DocRecord>> Searcher::related(const schema::DocRecord& record,
                                                         analysis::Language reader, size_t count) {
  return with_fresh_database([&]() -> Result<std::vector<schema::DocRecord>> {
    const std::string id_term = schema::term(schema::kIdPrefix, record.id);
    Xapian::PostingIterator posting = database_.postlist_begin(id_term);
    if (posting == database_.postlist_end(id_term)) {
      return not_found("no document with id '" + record.id + "'");
    }
    return related_documents(database_, *posting, record, reader, count, decompressor_);
  });
}

Result<std::vector<schema::DocRecord>> Searcher::work_versions(const std::string& work) {
  return with_fresh_database([&]() -> Result<std::vector<schema::DocRecord>> {
    std::vector<schema::DocRecord> versions;
    const std::string work_term = schema::term(schema::kWorkPrefix, work);
    for (auto posting = database_.postlist_begin(work_term);
         posting != database_.postlist_end(work_term); ++posting) {
      // The head only: the text is not read.
      Result<schema::HitData> stored =
          schema::read_hit_data(database_.get_document(*posting).get_data(), decompressor_);
      if (!stored.is_ok()) return stored.status();
      versions.push_back(std::move(stored->record));
    }
    return versions;
  });
}

}  // namespace jil::search
