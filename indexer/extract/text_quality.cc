// Implementation of text_quality.h: one pass counting letters and replacement characters.
#include "extract/text_quality.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace jil::extract {
namespace {

void add_note(std::string& notes, const std::string& note) {
  if (!notes.empty()) notes += "; ";
  notes += note;
}

}  // namespace

void assess_quality(ExtractedText& extracted, const ArabicRepairs& repairs) {
  size_t letters = 0;
  size_t replacements = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(extracted.text.data());
  const auto length = static_cast<int32_t>(extracted.text.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c == 0xFFFD || c < 0) {
      ++replacements;
    } else if (u_isalpha(c)) {
      ++letters;
    }
  }
  bool suspect = false;
  std::string notes;
  if (replacements > 0 &&
      static_cast<double>(replacements) > kMaxReplacementShare * static_cast<double>(letters)) {
    suspect = true;
    add_note(notes, std::to_string(replacements) + " undecodable characters for " +
                        std::to_string(letters) + " letters");
  }
  const size_t pages = extracted.page_offsets.size();
  if (pages > 0 && letters < kMinLettersPerPage * pages) {
    suspect = true;
    add_note(notes, std::to_string(letters) + " letters on " + std::to_string(pages) +
                        (pages == 1 ? " page" : " pages"));
  } else if (pages == 0 && letters == 0) {
    suspect = true;
    add_note(notes, "no letters");
  }
  if (!extracted.charset.empty() && extracted.charset != "UTF-8") {
    const bool unsure = extracted.charset_confidence < kMinCharsetConfidence;
    suspect = suspect || unsure;
    add_note(notes, "decoded from " + extracted.charset + (unsure ? ", a guess" : "") +
                        " (confidence " + std::to_string(extracted.charset_confidence) + ")");
  }
  const bool repaired = repairs.lam_alef_pairs > 0 || repairs.presentation_forms > 0;
  if (repairs.lam_alef_pairs > 0) {
    add_note(notes,
             std::to_string(repairs.lam_alef_pairs) + " Arabic lam-alef pairs put back in order");
  }
  if (repairs.presentation_forms > 0) {
    add_note(notes, std::to_string(repairs.presentation_forms) +
                        " Arabic presentation forms made letters");
  }
  if (extracted.quality != kQualityOcr) {
    extracted.quality = suspect ? kQualitySuspect : repaired ? kQualityRepaired : kQualityOk;
  }
  if (!notes.empty()) add_note(extracted.quality_notes, notes);
}

}  // namespace jil::extract
