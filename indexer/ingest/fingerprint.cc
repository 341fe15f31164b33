// Implementation of fingerprint.h.
#include "ingest/fingerprint.h"

#include "analysis/analyzer_version.h"
#include "extract/extraction_version.h"
#include "schema/schema_version.h"
#include "store/content_store.h"

namespace jil::ingest {
namespace {

std::string versions(extract::DocumentFormat format) {
  const int extraction = extract::extraction_version(format);
  return "/a" + std::to_string(analysis::kAnalyzerVersion) + "/s" +
         std::to_string(schema::kSchemaVersion) +
         (extraction > 1 ? "/x" + std::to_string(extraction) : std::string());
}

}  // namespace

// 128 bits of a sha256 over the original's and the sidecar's, then the versions: it is only ever
// compared, and it is a value of every document (136 bytes with both hashes whole: 1.9 MB of a
// 20,000-document index).
std::string fingerprint_of(std::string_view original, std::string_view sidecar,
                           extract::DocumentFormat format) {
  const std::string both = store::sha256_hex(original) + "/" + store::sha256_hex(sidecar);
  return store::sha256_hex(both).substr(0, 32) + versions(format);
}

bool same_files(std::string_view fingerprint, std::string_view other) {
  const std::string_view files = fingerprint.substr(0, fingerprint.find('/'));
  return !files.empty() && files.size() < fingerprint.size() &&
         files == other.substr(0, other.find('/'));
}

std::string with_current_versions(std::string_view fingerprint, extract::DocumentFormat format) {
  const size_t slash = fingerprint.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::string(fingerprint);
  return std::string(fingerprint.substr(0, slash)) + versions(format);
}

}  // namespace jil::ingest
