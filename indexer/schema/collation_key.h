// The ICU collation sort key of a text as bytes (without ICU's trailing NUL): byte order equals
// the collator's order, so keys can be stored in a Xapian value slot or compared by a KeyMaker.
#pragma once

#include <unicode/coll.h>

#include <string>
#include <string_view>

namespace jil::schema {

std::string collation_key(const icu::Collator& collator, std::string_view utf8_text);

}  // namespace jil::schema
