// The extraction-quality flag staff see for each document: "ok", "repaired" (the text was
// damaged in a known way and put right), "suspect" (likely unreadable for search), or "ocr"
// (recognised from page images), with a short note saying why.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "extract/arabic_text_repair.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// More U+FFFD replacement characters than this share of the letters makes a text suspect:
// a wrong encoding or a damaged file, not a few stray bytes.
inline constexpr double kMaxReplacementShare = 0.01;
// Fewer letters than this per page on average makes a paged text suspect (a scan with a thin
// text layer, or a PDF whose fonts map to nothing).
inline constexpr size_t kMinLettersPerPage = 30;
// Less than this detector confidence (0–100) for a legacy encoding makes a text suspect.
inline constexpr int kMinCharsetConfidence = 20;

inline constexpr const char* kQualityOk = "ok";
inline constexpr const char* kQualityRepaired = "repaired";
inline constexpr const char* kQualitySuspect = "suspect";
inline constexpr const char* kQualityOcr = "ocr";

// Sets extracted.quality and extracted.quality_notes from the text, its pages, its charset and
// the repairs made. Keeps "ocr" if already set (notes are added).
void assess_quality(ExtractedText& extracted, const ArabicRepairs& repairs);

}  // namespace jil::extract
