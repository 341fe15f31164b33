// Implementation of searcher.h, the search itself: query building, filters, sorting, facets and
// snippets (the reads that are not searches are searcher_lookups.cc).
#include "search/searcher.h"

#include <algorithm>
#include <span>

#include "schema/filter_terms.h"
#include "schema/index_compatibility.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"
#include "search/docid_chunks.h"
#include "search/facet_counter.h"
#include "search/hit_maker.h"
#include "search/query_builder.h"
#include "search/query_relaxation.h"
#include "search/ranked_works.h"
#include "search/spelling_suggester.h"
#include "search/title_key_maker.h"
#include "search/translation_collapse.h"

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

// The request's year range on the sortable year slot; empty when it has no bound.
Xapian::Query year_range(const SearchRequest& request) {
  const auto bound = [](int year) { return Xapian::sortable_serialise(year); };
  if (request.year_from > 0 && request.year_to > 0) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kYearSortSlot,
                         bound(request.year_from), bound(request.year_to));
  }
  if (request.year_from > 0) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kYearSortSlot,
                         bound(request.year_from));
  }
  if (request.year_to > 0) {
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kYearSortSlot, bound(request.year_to));
  }
  return Xapian::Query();
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
    case SortOrder::kAdded:
      // A whole run of the indexer shares one second (and a reproducible index one time): the
      // documents it added last come first.
      enquire.set_sort_by_value_then_relevance(schema::kIndexedAtSlot, true);
      enquire.set_docid_order(Xapian::Enquire::DESCENDING);
      break;
  }
}

// Concept-only matches weigh this fraction of their own weight, so that they rank below the
// documents that match the words themselves.
constexpr double kConceptWeightFactor = 0.02;

}  // namespace

Xapian::Query Searcher::across_languages(const BuiltQuery& built, const SearchRequest& request,
                                         std::vector<std::string>& concepts) const {
  const Xapian::Query& text_query = built.query;
  if (built.has_exact) return text_query;  // =word asks for that form, in that language
  concepts = concepts_->concepts_in_query(request.query);
  if (concepts.empty() || !request.cross_language) return text_query;
  std::vector<Xapian::Query> named;
  for (const std::string& id : concepts) {
    named.emplace_back(schema::term(schema::kConceptPrefix, id));
  }
  const Xapian::Query reach(Xapian::Query::OP_OR, named.begin(), named.end());
  return Xapian::Query(Xapian::Query::OP_OR, text_query,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, reach, kConceptWeightFactor));
}

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
    const bool local = std::filesystem::is_directory(path, error);
    return std::unique_ptr<Searcher>(
        new Searcher(std::move(database), std::move(analyzer).value(), local, path.string()));
  } catch (const Xapian::Error& xapian_error) {
    return Status(StatusCode::kCorrupt,
                  "cannot open index " + path.string() + ": " + xapian_error.get_description());
  }
}

uint64_t Searcher::revision_now() {
  try {
    return database_.get_revision();  // one glass database: increases with every commit
  } catch (const Xapian::InvalidOperationError&) {
    // Several shards have no single revision: last document id and count change with any
    // addition.
    return (uint64_t{database_.get_lastdocid()} << 32) | database_.get_doccount();
  }
}

void Searcher::split_matches(Xapian::docid chunk, CoreBudget& budget) {
  budget_ = &budget;
  split_chunk_ = local_ ? chunk : 0;
  helper_ = split_chunk_ > 0 ? std::make_unique<SearchHelper>(path_, budget) : nullptr;
}

void Searcher::set_result_cache(std::shared_ptr<ResultCache> cache) {
  result_cache_ = local_ ? std::move(cache) : nullptr;
}

Status Searcher::warm_up() {
  for (const analysis::Language language :
       {analysis::Language::kAr, analysis::Language::kEn, analysis::Language::kEs,
        analysis::Language::kFr, analysis::Language::kRu, analysis::Language::kZh}) {
    analyzer_->analyze("judges 法官 судьи القضاة", language);
  }
  if (helper_) helper_->warm_up();
  return with_fresh_database([&]() -> Status {
    if (local_) tables_.refresh(database_, LocalTables::column_slots());
    return Status::ok();
  });
}

Result<SearchResults> Searcher::search(const SearchRequest& request) {
  const CoreBudget::SearchHold hold(*budget_);
  return with_fresh_database([&]() -> Result<SearchResults> {
    if (!result_cache_) return run_search(request);
    const IndexVersion version{database_.get_uuid(), revision_now()};
    const std::string key = cache_key(request);
    if (auto cached = result_cache_->find(version, key)) return SearchResults(*cached);
    Result<SearchResults> results = run_search(request);
    if (results.is_ok()) {
      result_cache_->store(version, key, std::make_shared<const SearchResults>(*results));
    }
    return results;
  });
}

void Searcher::run_ranked_pass(RankedPass& pass, const Xapian::Query& query,
                               const Xapian::Query& unfiltered, const SearchRequest& request,
                               bool collapse, size_t wanted) {
  // Worth a thread hand-over only when the other part holds whole chunks.
  if (!helper_ || database_.get_lastdocid() < 2 * split_chunk_ || !helper_->core_free()) {
    pass.run(database_, query, unfiltered, nullptr);
    return;
  }
  // Xapian's queries are not thread-safe: the helper reads its own copy.
  const std::string query_bytes = query.serialise();
  const std::string unfiltered_bytes = unfiltered.serialise();
  const DocidChunks ours(split_chunk_, 2, 0);
  const DocidChunks theirs(split_chunk_, 2, 1);
  RankedPass other(tables_, request, collapse, wanted, helper_->scratch());
  const bool started = helper_->start(revision_now(), [&](HelperTools& tools) {
    other.run(tools.database, Xapian::Query::unserialise(query_bytes),
              Xapian::Query::unserialise(unfiltered_bytes), &theirs);
  });
  if (!started) {  // no core free
    pass.run(database_, query, unfiltered, nullptr);
    return;
  }
  HelperTaskGuard guard(*helper_);
  pass.run(database_, query, unfiltered, &ours);
  switch (guard.finish()) {
    case SearchHelper::Outcome::kDone:
      ++split_searches_;
      break;
    case SearchHelper::Outcome::kNotRun:  // the helper could not reach this revision
      other.run(database_, query, unfiltered, &theirs);
      break;
    case SearchHelper::Outcome::kFailed:  // the index changed under the helper: retry the search
      throw Xapian::DatabaseModifiedError("the index changed during a split match");
  }
  pass.merge(other);
}

Result<std::vector<SearchHit>> Searcher::make_hits(const std::vector<RankedMatch>& ranked,
                                                   bool versions_chosen, const HitParts& parts,
                                                   const BuiltQuery& built,
                                                   const TranslationCollapse& collapse,
                                                   const Xapian::Query& query) {
  const LocalTables* tables = local_ ? &tables_ : nullptr;
  HitMaker maker(database_, *analyzer_, decompressor_, tables, built, collapse, query,
                 versions_chosen, parts);
  // The helper makes the second half of the page, when it has a core.
  size_t ours = ranked.size();
  std::vector<Result<SearchHit>> theirs;
  std::string query_bytes;  // the helper's copy: Xapian's queries are not thread-safe
  std::optional<HelperTaskGuard> guard;
  if (helper_ && ranked.size() >= 2 && helper_->core_free()) {
    ours = (ranked.size() + 1) / 2;
    query_bytes = query.serialise();
    const bool started = helper_->start(revision_now(), [&](HelperTools& tools) {
      const Xapian::Query own = Xapian::Query::unserialise(query_bytes);
      HitMaker helping(tools.database, tools.analyzer, tools.decompressor, tables, built, collapse,
                       own, versions_chosen, parts);
      theirs = helping.make(std::span(ranked).subspan(ours));
    });
    if (started) {
      guard.emplace(*helper_);
    } else {
      ours = ranked.size();
    }
  }
  std::vector<Result<SearchHit>> made = maker.make(std::span(ranked).first(ours));
  if (guard) {
    switch (guard->finish()) {
      case SearchHelper::Outcome::kDone:
        for (Result<SearchHit>& hit : theirs) made.push_back(std::move(hit));
        break;
      case SearchHelper::Outcome::kNotRun:  // the helper could not reach this revision
        for (Result<SearchHit>& hit : maker.make(std::span(ranked).subspan(ours))) {
          made.push_back(std::move(hit));
        }
        break;
      case SearchHelper::Outcome::kFailed:  // the index changed under the helper: retry
        throw Xapian::DatabaseModifiedError("the index changed while the helper read it");
    }
  }
  std::vector<SearchHit> hits;
  hits.reserve(made.size());
  for (Result<SearchHit>& hit : made) {
    if (!hit.is_ok()) return hit.status();
    hits.push_back(std::move(hit).value());
  }
  return hits;
}

Result<SearchResults> Searcher::run_search(const SearchRequest& request) {
  Result<QueryNode> tree = parse_query(request.query);
  if (!tree.is_ok()) return tree.status();
  StemSiblings siblings(database_, *analyzer_);
  Result<SearchResults> strict = search_tree(request, *tree, siblings);
  if (!strict.is_ok()) return strict;
  // Results in the reader's language met every word, unless a concept the query named brought
  // them (across_languages): then whether the words meet anywhere is asked below.
  const bool found_at_home = strict->total > strict->other_language_total;
  if (found_at_home && strict->concepts.empty()) return strict;
  const std::optional<QueryNode> relaxed = relaxed_query(*tree, *analyzer_, request.query_language);
  if (!relaxed) return strict;
  Result<bool> words_meet = words_match_any(request, *tree, siblings);
  if (!words_meet.is_ok()) return words_meet.status();
  if (*words_meet) return strict;  // the words are all in some document: nothing to relax
  Result<SearchResults> wider = search_tree(request, *relaxed, siblings);
  if (!wider.is_ok() || wider->total == 0) return strict;
  wider->relaxed = true;
  wider->suggestion = strict->suggestion;  // what the typed words may have meant
  return wider;
}

Result<bool> Searcher::words_match_any(const SearchRequest& request, const QueryNode& tree,
                                       StemSiblings& siblings) {
  Result<BuiltQuery> built = build_query(tree, *analyzer_, request.query_language, &siblings);
  if (!built.is_ok()) return built.status();
  if (built->query.empty()) return false;
  Xapian::Query query = built->query;
  if (const Xapian::Query years = year_range(request); !years.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, years);
  }
  if (!request.filters.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter_query(request));
  }
  Xapian::Enquire enquire(database_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());  // the first match found ends the match
  return !enquire.get_mset(0, 1).empty();
}

Result<SearchResults> Searcher::search_tree(const SearchRequest& request, const QueryNode& tree,
                                            StemSiblings& siblings) {
  Result<BuiltQuery> built = build_query(tree, *analyzer_, request.query_language, &siblings);
  if (!built.is_ok()) return built.status();
  const bool has_query = !built->query.empty();
  std::vector<std::string> concepts;
  Xapian::Query query =
      has_query ? across_languages(*built, request, concepts) : Xapian::Query::MatchAll;
  if (const Xapian::Query years = year_range(request); !years.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, years);  // not a facet: applies to all
  }
  const Xapian::Query unfiltered = query;  // for the facets with a selection, counted apart
  if (!request.filters.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter_query(request));
  }
  Xapian::Enquire enquire(database_);
  enquire.set_query(query);
  apply_sort(enquire, request.sort, has_query);
  const FacetColumns* columns = nullptr;
  if (local_) {
    tables_.refresh(database_, LocalTables::column_slots());
    columns = &tables_.columns();
  }
  std::unique_ptr<TitleKeyMaker> title_keys;  // must outlive get_mset
  if (request.sort == SortOrder::kTitle && request.home_language != analysis::Language::kUnd &&
      local_) {
    // The reader's collation over every match; the root key in kTitleSortSlot otherwise (and
    // over remote shards, which cannot run JIL's KeyMaker).
    Result<std::unique_ptr<TitleKeyMaker>> made = TitleKeyMaker::create(request.home_language);
    if (!made.is_ok()) return made.status();
    title_keys = std::move(made).value();
    if (request.collapse_translations) {
      title_keys->sort_works_by_version_in(database_, tables_.works(), request.home_language);
    }
    enquire.set_sort_by_key_then_relevance(title_keys.get(), false);
  }
  FacetCounter facets(columns);
  TranslationCollapse collapse(request, columns);  // must outlive get_mset
  const Xapian::doccount offset = (request.page - 1) * request.size;
  std::vector<RankedMatch> ranked;
  bool versions_chosen = false;  // RankedMatch::shown names each collapsed result's version
  SearchResults results;
  // Selected facets counted in the one pass (column_filter.h), else by count_selected_apart.
  std::vector<std::unique_ptr<FacetCounter>> counted_apart;
  // Checking every match makes totals and facet counts exact.
  if (columns != nullptr && request.sort == SortOrder::kRelevance && has_query) {
    // Ranked and collapsed by a spy in the counting pass (ranked_pass.h).
    const size_t wanted = offset + request.size;
    RankedPass pass(tables_, request, collapse.enabled(), wanted, best_of_work_);
    run_ranked_pass(pass, query, unfiltered, request, collapse.enabled(), wanted);
    ranked = pass.works().page(offset, request.size);
    versions_chosen = true;
    results.total = pass.works().total();
    facets = std::move(pass.facets());
    counted_apart = std::move(pass.counted_apart());
  } else {  // other orders and remote shards: Xapian sorts and collapses
    facets.attach(enquire);
    collapse.attach(enquire);
    const Xapian::MSet matches = enquire.get_mset(offset, request.size, database_.get_doccount());
    for (auto match = matches.begin(); match != matches.end(); ++match) {
      ranked.push_back({*match, 0, match.get_weight()});
    }
    results.total = collapse.enabled() ? collapse.total_works() : matches.get_matches_estimated();
  }
  results.facets = facets.counts(request);
  results.concepts = std::move(concepts);
  if (request.home_language != analysis::Language::kUnd) {
    const std::string home(analysis::language_code(request.home_language));
    uint64_t at_home = 0;
    for (const FacetCounts& counts : results.facets) {
      if (counts.facet != schema::Facet::kLanguage) continue;
      for (const FacetValueCount& value : counts.values) {
        if (value.value == home) at_home = value.count;
      }
    }
    results.other_language_total = results.total > at_home ? results.total - at_home : 0;
  }
  // Few results in the reader's language, however many the thesaurus added in others.
  if (results.total - results.other_language_total < kSuggestBelowResults) {
    results.suggestion =
        spelling_suggestion(database_, *analyzer_, tree, request.query, request.query_language);
  }
  // After the split above, which needs the language counts of the filtered match.
  if (!counted_apart.empty()) {
    for (const std::unique_ptr<FacetCounter>& counter : counted_apart) {
      std::vector<FacetCounts> own = counter->counts(request);
      if (!own.empty()) FacetCounter::replace_counts(results.facets, std::move(own.front()));
    }
  } else {
    FacetCounter::count_selected_apart(database_, columns, unfiltered, request, results.facets);
  }
  Result<std::vector<SearchHit>> hits =
      make_hits(ranked, versions_chosen, request.parts, *built, collapse, query);
  if (!hits.is_ok()) return hits.status();
  results.hits = std::move(hits).value();
  return results;
}

}  // namespace jil::search
