// The index contract, part 3: versions stored in the index metadata and checked at open.
#pragma once

#include <string_view>

namespace jil::schema {

// 2: extraction quality (XQ terms, "quality", "quality_notes") and "page_offsets" in the data.
// 3: thesaurus concepts (N and XN terms, value slots 20–31).
// 4: the title as text in value slot 32 (sorting by the reader's collation).
// 5: the spelling dictionary (spelling_words.h) and title words for suggestions (XS terms).
// 6: Han dictionary words without positions (phrases run over the characters).
// 7: document data = JSON head (with the snippet blocks) + NUL + text.
// 8: document data = compressed head + text in compressed blocks (document_data.h).
// 9: Han character bigrams (han_bigrams.h); two-character dictionary words are their bigram.
// 10: zstd-compressed document data with a dictionary trained per index (text_dictionary.h).
// 11: no Z stem term where the stem is one of the word's own forms (searchd looks stems up under
//     both spellings).
// 12: indexed_at in value slot 33 (the Atom feeds list documents by when they were added).
inline constexpr int kSchemaVersion = 12;
inline constexpr std::string_view kSchemaVersionKey = "jil:schema-version";
inline constexpr std::string_view kAnalyzerVersionKey = "jil:analyzer-version";

}  // namespace jil::schema
