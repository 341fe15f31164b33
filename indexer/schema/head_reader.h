// Reads the MessagePack head of stored document data (document_data.h) straight into a
// DocRecord, with MessagePack events (msgpack_events.h) instead of a JSON tree: searchd reads ten
// heads per result page, and building and walking the tree was 5 % of a search's CPU. Accepts what
// record_from_head accepts (the same required fields, the same types, numbers converted alike,
// unknown fields skipped); tests/unit/schema/head_reader_test.cc holds the two side by side.
#pragma once

#include <string_view>

#include "base/status.h"
#include "schema/doc_record.h"

namespace jil::schema {

// Fills every field of `record` but its text from the MessagePack `fields`; kCorrupt
// ("document data: ...") naming the field that is missing or of the wrong type.
Status read_head_into(std::string_view fields, DocRecord& record);

}  // namespace jil::schema
