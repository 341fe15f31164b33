// Implementation of text_limit.h.
#include "ingest/text_limit.h"

#include <cstdio>

#include "base/utf8.h"
#include "extract/text_quality.h"
#include "ingest/indexer_options.h"

namespace jil::ingest {
namespace {

std::string mebibytes(size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

}  // namespace

bool cut_to_text_limit(std::string& text, std::string& quality, std::string& quality_notes) {
  if (text.size() <= kMaxExtractedTextBytes) return false;
  const size_t whole = text.size();
  text.resize(utf8::truncate_point(text, kMaxExtractedTextBytes));
  quality = extract::kQualitySuspect;
  if (!quality_notes.empty()) quality_notes += "; ";
  quality_notes += "text cut at " + std::to_string(kMaxExtractedTextBytes / (1024 * 1024)) +
                   " MiB of " + mebibytes(whole) + ": the rest is not searchable";
  return true;
}

}  // namespace jil::ingest
