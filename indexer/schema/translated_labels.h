// The facet labels of the six UI languages (keys "<facet>.<id>" of web/i18n/<lang>.json),
// compiled in so that the indexer can tell which id a sidecar meant when it holds a label in
// any UI language ("Rapport", "Доклад", "تقرير") instead of the id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema/vocabulary.h"

namespace jil::schema {

// The labels of `id` in every UI catalogue that has one (empty for an unknown id, a country or a
// year); aborts if a compiled-in catalogue is not valid JSON (a build defect, caught by tests).
const std::vector<std::string>& translated_labels(Facet facet, std::string_view id);

}  // namespace jil::schema
