// The index contract, part 5: title words for suggestions as you type. Each word of a title is
// a term XS<language><folded form> <surface form> (the surface form case-folded with its accents,
// for display), so searchd lists the words of a language that start with a typed prefix with
// Xapian's allterms_begin, most frequent first, and reaches the titles through their postings.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analysis/token.h"

namespace jil::schema {

// "XS" + language: every title word term of that language starts with it.
std::string title_word_prefix(std::string_view language);

// Adds a title word term for each word and Han dictionary word of `title_tokens`.
void add_title_words(Xapian::Document& document, const std::vector<analysis::Token>& title_tokens,
                     std::string_view language);

}  // namespace jil::schema
