// "More like this" for the document page: the words that best characterise one document (a
// Xapian relevance set of that document and Enquire::get_eset over its terms) searched for in the
// rest of the library, leaving out the document's own work (itself and its translations).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "analysis/language.h"
#include "schema/compressed_block.h"
#include "schema/doc_record.h"

namespace jil::search {

// Documents listed as related on a document page.
inline constexpr size_t kRelatedDocuments = 5;
// Terms of the expand set that make up the "more like this" query: enough to describe a document
// beyond its title, few enough that a match still shares its characteristic words.
inline constexpr Xapian::termcount kRelatedExpandTerms = 20;

// Up to `count` documents most like document `docid` of `database` (whose record is `record`), in
// `reader` language first when there are any (reader kUnd: no preference), else by weight. When the
// work has a version in the reader's language, that version's words join the relevance set, so that
// documents in the reader's language can be found from a document in another. Records come without
// text (only heads are decompressed, with `decompressor`). Empty when the document has no plain
// word terms; kCorrupt when a record cannot be read. Throws Xapian::Error (the caller, Searcher,
// turns it into a status).
Result<std::vector<schema::DocRecord>> related_documents(const Xapian::Database& database,
                                                         Xapian::docid docid,
                                                         const schema::DocRecord& record,
                                                         analysis::Language reader, size_t count,
                                                         schema::BlockDecompressor& decompressor);

}  // namespace jil::search
