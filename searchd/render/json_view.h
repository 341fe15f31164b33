// JSON bodies of the API: search results and documents. Shapes are stable and documented in
// README ("JSON API"); highlights come as HTML (escaped, with <mark>) and as plain text with
// match offsets in Unicode code points.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "schema/doc_record.h"
#include "search/search_request.h"
#include "thesaurus/thesaurus.h"

namespace jil::render {

// The API's search answer; each result with only the keys in `fields` when it is not empty (the
// `fields=` parameter, api/field_selection.h), the others left out as they are rendered.
std::string search_results_json(const search::SearchRequest& request,
                                const search::SearchResults& results,
                                const std::vector<std::string>& fields = {});
std::string document_json(const schema::DocRecord& record,
                          const std::vector<schema::DocRecord>& versions, bool with_text);
// Every work with the languages it exists in and those it lacks among `languages`.
std::string translation_gaps_json(const std::vector<search::WorkSummary>& works,
                                  const std::vector<std::string>& languages);
// The thesaurus: every concept with its labels in the six languages, its links, and how many
// documents are tagged with it (or a narrower concept).
std::string concepts_json(const thesaurus::Thesaurus& thesaurus,
                          const std::map<std::string, Xapian::doccount>& documents);

// Parts joined as HTML: text escaped, matches wrapped in <mark>.
std::string parts_to_html(const std::vector<search::TextPart>& parts);

}  // namespace jil::render
