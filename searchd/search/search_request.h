// A validated search: what the API and the HTML page both ask the Searcher for.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/language.h"
#include "schema/doc_record.h"
#include "schema/vocabulary.h"

namespace jil::search {

// Paging limits: deep pages cost as much as all the pages before them.
inline constexpr uint32_t kDefaultPageSize = 10;
inline constexpr uint32_t kMaxPageSize = 50;
inline constexpr uint32_t kMaxResultDepth = 1000;  // page * size
inline constexpr size_t kMaxFilterValues = 20;     // values per facet in one request

// kNewest and kOldest go by the metadata year. kAdded goes by when the indexer wrote each
// document (schema::kIndexedAtSlot), newest first and, in the same second, the later docid first:
// the Atom feeds' order (api/discovery_routes.h); /search and the API do not offer it.
enum class SortOrder { kRelevance, kNewest, kOldest, kTitle, kAdded };

// The parts of each hit that take work beyond its stored metadata. The API's `fields=` leaves out
// those it does not name, so that a client that harvests metadata does not pay for snippets
// (about half of a search's CPU); the HTML page and an API request without `fields=` make all.
struct HitParts {
  bool snippet = true;  // snippet and page: the passage's positions, text blocks and analysis
  bool title_highlighted = true;  // the title with the query's words marked
  bool work_languages = true;
  bool other_versions = true;
};

struct SearchRequest {
  std::string query;  // the user's text, may be empty
  analysis::Language query_language = analysis::Language::kUnd;
  std::map<schema::Facet, std::vector<std::string>> filters;  // OR within, AND across
  uint32_t page = 1;                                          // 1-based
  uint32_t size = kDefaultPageSize;
  SortOrder sort = SortOrder::kRelevance;
  // The reader's language (parameter hl, or the interface language of the HTML page): results in
  // other languages are counted apart. kUnd: no split.
  analysis::Language home_language = analysis::Language::kUnd;
  // A query naming a thesaurus concept also reaches that concept's documents in other languages
  // (parameter cross=0 turns it off).
  bool cross_language = true;
  // Publication years from / to, both inclusive (parameters year_from, year_to); 0: no bound.
  int year_from = 0;
  int year_to = 0;
  // One result per work, as the API and the page do unless versions=all (see
  // translation_collapse.h); false: every language version is a result.
  bool collapse_translations = true;
  HitParts parts;  // what each hit is made with; an empty part is left empty (or 0)
};

// A run of text that is or is not a match, for highlighting without markup in the data.
struct TextPart {
  std::string text;
  bool match = false;
};

// One language version of a work: for the translation-gaps report and the links of a collapsed
// result to its other versions.
struct WorkVersion {
  std::string id;
  std::string language;
  std::string title;
};

struct SearchHit {
  schema::DocRecord record;  // metadata; `text` is left empty
  std::vector<TextPart> title;
  std::vector<TextPart> snippet;
  double weight = 0;
  std::vector<std::string> work_languages;  // languages the hit's work exists in, sorted
  uint32_t page = 0;  // paged originals (PDF): the 1-based page of the snippet's first match
  std::vector<WorkVersion> other_versions;  // collapsed: the work's other versions, by language
};

struct FacetValueCount {
  std::string value;
  uint64_t count = 0;
  bool selected = false;
};

struct FacetCounts {
  schema::Facet facet;
  std::vector<FacetValueCount> values;  // by count, then value
};

// A work and its versions, for the translation-gaps report.
struct WorkSummary {
  std::string work;
  std::vector<WorkVersion> versions;  // by language
};

struct SearchResults {
  // Exact number of matching documents, or of matching works when the request collapses
  // translations (a document without a work counts as one).
  uint64_t total = 0;
  std::vector<SearchHit> hits;
  std::vector<FacetCounts> facets;
  std::vector<std::string> concepts;  // thesaurus concepts the query named
  uint64_t other_language_total = 0;  // matches not in the request's home language
  // When the query found few results in the reader's language (in all, when the request names
  // none): the query with misspelled words corrected, else empty.
  std::string suggestion;
  // No document had every word of the query: these results have some of them
  // (query_relaxation.h).
  bool relaxed = false;
};

}  // namespace jil::search
