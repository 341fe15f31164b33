// The byte form in which an extractor child hands its Result<ExtractedText> to the indexer over
// a pipe (extract_sandbox.h): length-prefixed fields, no parser that a hostile child could
// exploit. Decoding checks every length against the bytes actually received.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// The result, or the extractor's own error (code and message), as bytes.
std::string encode_extraction(const Result<ExtractedText>& result);

// Back from bytes: the extractor's result or its error; kCorrupt "extractor sent a malformed
// result" when the bytes are not what encode_extraction makes.
Result<ExtractedText> decode_extraction(std::string_view bytes);

}  // namespace jil::extract
