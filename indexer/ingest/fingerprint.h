// A document's fingerprint: which original and sidecar it was made from (128 bits of their
// sha256s) and by which analyzer and schema versions ("<32 hex>/a3/s12"). Stored with the
// document in the index and in its store record; compared to tell an unchanged file.
#pragma once

#include <string>
#include <string_view>

namespace jil::ingest {

// The fingerprint of `original` and `sidecar` (its metadata as read) under this build's versions.
std::string fingerprint_of(std::string_view original, std::string_view sidecar);

// Whether two fingerprints name the same original and sidecar, whatever versions wrote them.
bool same_files(std::string_view fingerprint, std::string_view other);

// `fingerprint`'s files under this build's versions: what a document made again from the same
// files now carries (`rebuild`). A value without versions is returned as it is.
std::string with_current_versions(std::string_view fingerprint);

}  // namespace jil::ingest
