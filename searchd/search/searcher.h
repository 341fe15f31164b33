// One search worker's view of the index: its own Xapian::Database and Analyzer (neither is
// thread-safe), reopened when the indexer commits; DatabaseModifiedError is caught, the handle
// reopened and the request retried once, else kUnavailable.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>

#include "analysis/analyzer.h"
#include "schema/doc_record.h"
#include "search/search_request.h"

namespace jil::search {

class Searcher {
 public:
  // kNotFound when there is no index at `path`; kCorrupt when it cannot be read or was built
  // with another schema or analyzer version.
  static Result<std::unique_ptr<Searcher>> open(const std::filesystem::path& path);

  // kInvalidArgument for a malformed query (message for the user); kUnavailable when the index
  // kept changing under the request.
  Result<SearchResults> search(const SearchRequest& request);
  // kNotFound for an unknown id. The record includes the text.
  Result<schema::DocRecord> document(const std::string& id);
  // Language versions of a work: (language, id, title) of every document sharing `work`.
  Result<std::vector<schema::DocRecord>> work_versions(const std::string& work);

  analysis::Analyzer& analyzer() { return *analyzer_; }
  // Revision of the open index, for ETags and /healthz.
  Xapian::doccount document_count();

 private:
  Searcher(Xapian::Database database, std::unique_ptr<analysis::Analyzer> analyzer)
      : database_(std::move(database)), analyzer_(std::move(analyzer)) {}

  template <typename Work>
  auto with_fresh_database(Work&& work) -> decltype(work());
  Result<SearchResults> run_search(const SearchRequest& request);

  Xapian::Database database_;
  std::unique_ptr<analysis::Analyzer> analyzer_;
};

}  // namespace jil::search
