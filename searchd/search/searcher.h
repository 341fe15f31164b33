// One search worker's view of the index: its own Xapian::Database and Analyzer (neither is
// thread-safe), reopened when the indexer commits; DatabaseModifiedError is caught, the handle
// reopened and the request retried once, else kUnavailable.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "analysis/analyzer.h"
#include "schema/compressed_block.h"
#include "schema/doc_record.h"
#include "schema/removed_documents.h"
#include "search/core_budget.h"
#include "search/local_tables.h"
#include "search/query_builder.h"
#include "search/ranked_pass.h"
#include "search/ranked_works.h"
#include "search/result_cache.h"
#include "search/search_helper.h"
#include "search/search_request.h"
#include "search/stem_siblings.h"
#include "search/suggester.h"
#include "search/translation_collapse.h"
#include "thesaurus/concept_matcher.h"

namespace jil::search {

class Searcher {
 public:
  // kNotFound when there is no index at `path`; kCorrupt when it cannot be read or was built
  // with another schema or analyzer version.
  static Result<std::unique_ptr<Searcher>> open(const std::filesystem::path& path);

  // kInvalidArgument for a malformed query (message for the user); kUnavailable when the index
  // kept changing under the request.
  // Answered from the result cache when one is set and holds the request for this revision.
  Result<SearchResults> search(const SearchRequest& request);
  // Reads now what the first search would (the facet columns and work table of a local index,
  // and the analyzer's per-language segmenters and stemmers), so that the first searches after
  // a start do not pay for it: searchd warms every search thread before it listens.
  Status warm_up();
  // Answers repeated searches of a local index from `cache` (result_cache.h), which other
  // Searchers may share; null, the default, runs every search. Not for remote shards, whose
  // revision does not change when a document is replaced.
  void set_result_cache(std::shared_ptr<ResultCache> cache);
  // Local index only: a relevance-ranked search gives half of its match, as chunks of `chunk`
  // document ids, to a helper thread while `budget` has a free core (search_helper.h); the
  // answers are the same either way. 0, the default, never splits.
  void split_matches(Xapian::docid chunk, CoreBudget& budget = CoreBudget::process());
  // Searches whose match the helper shared (tests and figures).
  uint64_t split_searches() const { return split_searches_; }
  // Searches answered from the cache, and searches run while a cache was set (by every Searcher
  // sharing it).
  uint64_t cache_hits() const { return result_cache_ ? result_cache_->hits() : 0; }
  uint64_t cache_misses() const { return result_cache_ ? result_cache_->misses() : 0; }
  // kNotFound for an unknown id. The record includes the text.
  Result<schema::DocRecord> document(const std::string& id);
  // Suggestions as you type for `text` (see suggester.h); kUnavailable like search().
  Result<Suggestions> suggestions(const std::string& text, analysis::Language language,
                                  analysis::Language home = analysis::Language::kUnd);
  // "More like this" (related_documents.h): up to `count` documents like `record` (as document()
  // returned it), in the `reader` language first, never the record's work. kNotFound when the
  // record's id is no longer in the index.
  Result<std::vector<schema::DocRecord>> related(const schema::DocRecord& record,
                                                 analysis::Language reader, size_t count);
  // Language versions of a work: (language, id, title) of every document sharing `work`.
  Result<std::vector<schema::DocRecord>> work_versions(const std::string& work);

  analysis::Analyzer& analyzer() { return *analyzer_; }
  const thesaurus::ConceptMatcher& concepts() const { return *concepts_; }
  // Concept id → documents tagged with it or with a narrower concept.
  Result<std::map<std::string, Xapian::doccount>> concept_document_counts();
  // Every work of the library with its language versions, by work id.
  Result<std::vector<WorkSummary>> works();
  // Revision of the open index, for ETags and /healthz.
  Xapian::doccount document_count();
  // Changes whenever the indexer commits (ETags, resumption tokens); 0 when unreadable.
  uint64_t index_revision();
  // When the library last gained or changed a document, "YYYY-MM-DDThh:mm:ssZ" (UTC): the newest
  // indexed_at of its documents (the upper bound of schema::kIndexedAtSlot, which deleting a
  // document does not lower) or its last removal (schema::kLastRemovalKey), whichever is later;
  // for an index with neither, when its files were last written.
  // kUnavailable like search(), or when that time cannot be read.
  Result<std::string> library_updated();
  // The documents removed from the library that the index remembers, by id
  // (schema/removed_documents.h); none where the index cannot list its metadata.
  Result<std::vector<schema::RemovedDocument>> removed_documents();

 private:
  Searcher(Xapian::Database database, std::unique_ptr<analysis::Analyzer> analyzer, bool local,
           std::string path)
      : database_(std::move(database)),
        path_(std::move(path)),
        decompressor_(schema::BlockDecompressor::for_index(database_)),
        local_(local),
        analyzer_(std::move(analyzer)),
        concepts_(std::make_unique<thesaurus::ConceptMatcher>(thesaurus::Thesaurus::built_in(),
                                                              *analyzer_)) {}

  // The query widened to the documents of the concepts the text names, in every language: those
  // of other languages, and those of the reader's that name a concept by another of its labels
  // (社群媒體 for 社交媒体, "social networks" for "social media").
  Xapian::Query across_languages(const BuiltQuery& built, const SearchRequest& request,
                                 std::vector<std::string>& concepts) const;

  template <typename Work>
  auto with_fresh_database(Work&& work) -> decltype(work());
  // The search of `request`; asked again with any of its words (query_relaxation.h) when none
  // of its results is in the reader's language and no document has every word.
  Result<SearchResults> run_search(const SearchRequest& request);
  // The search of `request` with the parsed query `tree`. `siblings` is shared by the strict and
  // relaxed builds of one request, so each stem's forms are looked up once.
  Result<SearchResults> search_tree(const SearchRequest& request, const QueryNode& tree,
                                    StemSiblings& siblings);
  // Whether any document has the words of `tree` (no concepts), within the request's filters.
  Result<bool> words_match_any(const SearchRequest& request, const QueryNode& tree,
                               StemSiblings& siblings);
  // Runs `pass` (made with best_of_work_) over the whole index, or over one part while the helper
  // runs the other (made alike), and merges them.
  void run_ranked_pass(RankedPass& pass, const Xapian::Query& query,
                       const Xapian::Query& unfiltered, const SearchRequest& request, bool collapse,
                       size_t wanted);
  // The page's results (hit_maker.h), half of them made by the helper when it has a core.
  // `versions_chosen`: the ranking named each collapsed result's version (RankedMatch::shown).
  Result<std::vector<SearchHit>> make_hits(const std::vector<RankedMatch>& ranked,
                                           bool versions_chosen, const HitParts& parts,
                                           const BuiltQuery& built,
                                           const TranslationCollapse& collapse,
                                           const Xapian::Query& query);
  uint64_t revision_now();  // inside with_fresh_database

  Xapian::Database database_;
  std::string path_;                        // of the index, for the helper's own handle
  schema::BlockDecompressor decompressor_;  // its dictionaries looked up in database_'s metadata
  // A glass directory; false for a stub file (possibly remote shards), where only what
  // xapian-tcpsrv can run is used: ValueCountMatchSpy, no reader's title collation.
  bool local_;
  LocalTables tables_;          // local only; at database_'s revision in a search
  RankedScratch best_of_work_;  // RankedWorks' scratch, all zero between searches
  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<thesaurus::ConceptMatcher> concepts_;
  std::shared_ptr<ResultCache> result_cache_;    // null: none
  CoreBudget* budget_ = &CoreBudget::process();  // held while a search runs
  std::unique_ptr<SearchHelper> helper_;         // null: matches are not split
  Xapian::docid split_chunk_ = 0;
  uint64_t split_searches_ = 0;
};

// Runs `work` on the index as the indexer last committed it, once more if a commit lands during
// it; Xapian errors become kUnavailable.
template <typename Work>
auto Searcher::with_fresh_database(Work&& work) -> decltype(work()) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      database_.reopen();  // cheap when nothing changed; picks up the indexer's last commit
      return work();
    } catch (const Xapian::DatabaseModifiedError&) {
      continue;  // the writer committed twice during the request: reopen and retry once
    } catch (const Xapian::Error& error) {
      return Status(StatusCode::kUnavailable, "index error: " + error.get_description());
    }
  }
  return Status(StatusCode::kUnavailable, "the index is being updated: try again");
}

}  // namespace jil::search
