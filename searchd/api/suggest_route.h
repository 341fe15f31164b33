// GET /api/v1/suggest?q=<text typed>&lang=<xx>: suggestions as you type (search/suggester.h) as
// JSON. q longer than search::kMaxSuggestTextBytes or an unknown lang is a 400; an empty or too
// short q gets empty lists.
#pragma once

#include "api/http_types.h"
#include "search/searcher.h"

namespace jil::api {

HttpResponse suggest_response(search::Searcher& searcher, const std::string& target);

}  // namespace jil::api
