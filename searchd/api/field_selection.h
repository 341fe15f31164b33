// The `fields` parameter of /api/v1/search and /api/v1/documents/{id}: a comma list of top-level
// fields to keep in each hit (search) or in the document; the others are left out. Absent means
// every field; an empty item or a field the answer never has is a 400 naming it. A field added to
// the hits or documents in render/json_view.cc must be added to the lists here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "api/query_string.h"
#include "base/status.h"
#include "search/search_request.h"

namespace jil::api {

enum class FieldScope { kSearchHit, kDocument };

// The fields `fields=` may name in `scope`.
const std::vector<std::string_view>& selectable_fields(FieldScope scope);

// The fields asked for, in the order given (duplicates dropped); empty when `fields` is absent.
Result<std::vector<std::string>> parse_fields(const ParsedTarget& target, FieldScope scope);

// The hit parts a search must make for `fields` (all when it is empty): a part no field asks for
// is not made (search_request.h HitParts).
search::HitParts hit_parts_for(const std::vector<std::string>& fields);

// `json_text` (a document of json_view.h document_json) keeping only `fields`; unchanged when
// `fields` is empty. A search answer is rendered with its fields instead (search_results_json).
std::string keep_document_fields(const std::string& json_text,
                                 const std::vector<std::string>& fields);

}  // namespace jil::api
