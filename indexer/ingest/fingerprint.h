// A document's fingerprint: which original and sidecar it was made from (128 bits of their
// sha256s) and by which analyzer, schema and extraction versions ("<32 hex>/a3/s12", with
// "/x2" when the format's extraction is past its first version: extract/extraction_version.h).
// Stored with the document in the index and in its store record; compared to tell an unchanged
// file.
#pragma once

#include <string>
#include <string_view>

#include "extract/document_format.h"

namespace jil::ingest {

// The fingerprint of `original` (a file of `format`) and `sidecar` (its metadata as read) under
// this build's versions.
std::string fingerprint_of(std::string_view original, std::string_view sidecar,
                           extract::DocumentFormat format);

// Whether two fingerprints name the same original and sidecar, whatever versions wrote them.
bool same_files(std::string_view fingerprint, std::string_view other);

// `fingerprint`'s files under this build's versions: what a document made again from the same
// files now carries (`rebuild`). A value without versions is returned as it is.
std::string with_current_versions(std::string_view fingerprint, extract::DocumentFormat format);

}  // namespace jil::ingest
