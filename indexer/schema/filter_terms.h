// The boolean term for a facet value ("type" + "report" → "XTreport"): written by the document
// builder and used by searchd's filters, so that both spell it alike.
#pragma once

#include <string>
#include <string_view>

#include "schema/vocabulary.h"

namespace jil::schema {

std::string filter_term(Facet facet, std::string_view value);

}  // namespace jil::schema
