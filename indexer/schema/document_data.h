// The document data stored in the index (schema version 6): a JSON head with every field of the
// record but its text, plus the snippet blocks (snippet_blocks.h); a NUL byte; then the text as
// UTF-8, ill-formed bytes replaced. A result listing parses the small head and cuts a passage of
// the text without parsing the text as JSON; the document page reads it all (doc_record.h
// to_document_data / from_document_data are this format without blocks).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/status.h"
#include "schema/doc_record.h"
#include "schema/snippet_blocks.h"

namespace jil::schema {

std::string to_document_data(const DocRecord& record, const SnippetBlocks& blocks);

// The head of the document data as JSON: every field of the record but its text.
nlohmann::json document_head(const DocRecord& record);
// The record a head describes, with `text` as its text; kCorrupt when a field is missing.
Result<DocRecord> record_from_head(const nlohmann::json& head, std::string text);

// What a result listing reads of a document's data: the record without its text, the snippet
// blocks, and the text as a view into the data (valid while the data is).
struct HitData {
  DocRecord record;
  SnippetBlocks blocks;
  std::string_view text;
};
// kCorrupt ("document data: ...") for data of another shape.
Result<HitData> read_hit_data(std::string_view data);

}  // namespace jil::schema
