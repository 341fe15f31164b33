// The limit on a document's extracted text (kMaxExtractedTextBytes): what lies beyond it is not
// indexed, and the document says so in its quality flag rather than passing as complete.
#pragma once

#include <string>

namespace jil::ingest {

// Cuts `text` at the limit (never inside a UTF-8 character); when it was longer, marks the
// quality "suspect" and adds a note such as "text cut at 16 MiB of 25.9 MiB: the rest is not
// searchable". Returns whether it cut.
bool cut_to_text_limit(std::string& text, std::string& quality, std::string& quality_notes);

}  // namespace jil::ingest
