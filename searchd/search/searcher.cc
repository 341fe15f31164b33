// Implementation of searcher.h: query building, filters, sorting, facets and snippets.
#include "search/searcher.h"

#include "schema/filter_terms.h"
#include "schema/index_compatibility.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"
#include "search/facet_counter.h"
#include "search/query_builder.h"
#include "search/snippet_maker.h"

namespace jil::search {
namespace {

Xapian::Query filter_query(const SearchRequest& request) {
  std::vector<Xapian::Query> facets;
  for (const auto& [facet, values] : request.filters) {
    std::vector<Xapian::Query> alternatives;
    for (const auto& value : values) alternatives.emplace_back(schema::filter_term(facet, value));
    facets.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }
  return Xapian::Query(Xapian::Query::OP_AND, facets.begin(), facets.end());
}

void apply_sort(Xapian::Enquire& enquire, SortOrder sort, bool has_query) {
  switch (sort) {
    case SortOrder::kRelevance:
      if (!has_query) enquire.set_sort_by_value_then_relevance(schema::kYearSortSlot, true);
      break;
    case SortOrder::kNewest:
      enquire.set_sort_by_value_then_relevance(schema::kYearSortSlot, true);
      break;
    case SortOrder::kOldest:
      enquire.set_sort_by_value_then_relevance(schema::kYearSortSlot, false);
      break;
    case SortOrder::kTitle:
      enquire.set_sort_by_value_then_relevance(schema::kTitleSortSlot, false);
      break;
  }
}

}  // namespace

Result<std::unique_ptr<Searcher>> Searcher::open(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return not_found("no index at " + path.string() + ": run jil-indexer index first");
  }
  auto analyzer = analysis::Analyzer::create();
  if (!analyzer.is_ok()) return analyzer.status();
  try {
    Xapian::Database database(path.string());
    if (Status status = schema::check_compatible(database); !status.is_ok()) return status;
    return std::unique_ptr<Searcher>(
        new Searcher(std::move(database), std::move(analyzer).value()));
  } catch (const Xapian::Error& xapian_error) {
    return Status(StatusCode::kCorrupt,
                  "cannot open index " + path.string() + ": " + xapian_error.get_description());
  }
}

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

Xapian::doccount Searcher::document_count() {
  Result<Xapian::doccount> count =
      with_fresh_database([&]() -> Result<Xapian::doccount> { return database_.get_doccount(); });
  return count.is_ok() ? *count : 0;
}

Result<SearchResults> Searcher::search(const SearchRequest& request) {
  return with_fresh_database([&] { return run_search(request); });
}

Result<SearchResults> Searcher::run_search(const SearchRequest& request) {
  Result<QueryNode> tree = parse_query(request.query);
  if (!tree.is_ok()) return tree.status();
  Result<BuiltQuery> built = build_query(*tree, *analyzer_, request.query_language);
  if (!built.is_ok()) return built.status();
  const bool has_query = !built->query.empty();
  Xapian::Query query = has_query ? built->query : Xapian::Query::MatchAll;
  if (!request.filters.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter_query(request));
  }
  Xapian::Enquire enquire(database_);
  enquire.set_query(query);
  apply_sort(enquire, request.sort, has_query);
  FacetCounter facets;
  facets.attach(enquire);
  const Xapian::doccount offset = (request.page - 1) * request.size;
  // Checking every match makes totals and facet counts exact.
  const Xapian::MSet matches = enquire.get_mset(offset, request.size, database_.get_doccount());

  SearchResults results;
  results.total = matches.get_matches_estimated();
  results.facets = facets.counts(request);
  SnippetMaker snippets(*analyzer_, built->match_forms, built->match_stems,
                        built->match_words.size());
  for (auto match = matches.begin(); match != matches.end(); ++match) {
    Result<schema::DocRecord> record = schema::from_document_data(match.get_document().get_data());
    if (!record.is_ok()) return record.status();
    SearchHit hit;
    hit.weight = match.get_weight();
    hit.title = snippets.highlighted(record->title, record->language);
    hit.snippet = snippets.snippet(record->text, record->language);
    if (hit.snippet.empty()) hit.snippet = snippets.snippet(record->summary, record->language);
    record->text.clear();
    hit.record = std::move(record).value();
    results.hits.push_back(std::move(hit));
  }
  return results;
}

Result<schema::DocRecord> Searcher::document(const std::string& id) {
  return with_fresh_database([&]() -> Result<schema::DocRecord> {
    const std::string id_term = schema::term(schema::kIdPrefix, id);
    Xapian::PostingIterator posting = database_.postlist_begin(id_term);
    if (posting == database_.postlist_end(id_term)) {
      return not_found("no document with id '" + id + "'");
    }
    return schema::from_document_data(database_.get_document(*posting).get_data());
  });
}

Result<std::vector<schema::DocRecord>> Searcher::work_versions(const std::string& work) {
  return with_fresh_database([&]() -> Result<std::vector<schema::DocRecord>> {
    std::vector<schema::DocRecord> versions;
    const std::string work_term = schema::term(schema::kWorkPrefix, work);
    for (auto posting = database_.postlist_begin(work_term);
         posting != database_.postlist_end(work_term); ++posting) {
      Result<schema::DocRecord> record =
          schema::from_document_data(database_.get_document(*posting).get_data());
      if (!record.is_ok()) return record.status();
      record->text.clear();
      versions.push_back(std::move(record).value());
    }
    return versions;
  });
}

}  // namespace jil::search
