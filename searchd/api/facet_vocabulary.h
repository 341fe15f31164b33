// GET /api/v1/facets and /api/v1/facets/{facet}: every value a facet has among the matching
// documents (all documents without q or filters) with its document count and its labels in the
// six languages where they exist (vocabulary labels from web/i18n, language and country names
// from ICU, concept labels from the thesaurus; years have none). Takes q and the facet filters of
// /api/v1/search; an unknown facet is a 404 problem.
#pragma once

#include <string>
#include <string_view>

#include "api/http_types.h"
#include "render/ui_catalog.h"
#include "search/searcher.h"

namespace jil::api {

// `facet` is the name after /api/v1/facets/, or "" for every facet.
HttpResponse facet_vocabulary_response(search::Searcher& searcher, const render::UiCatalog& catalog,
                                       std::string_view facet, const std::string& target);

}  // namespace jil::api
