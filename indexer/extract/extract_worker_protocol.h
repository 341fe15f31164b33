// What the indexer and its long-lived extractor child (extract_worker.h) say to each other over
// their socket: a request (what to do with which bytes) and a result (a length and
// extracted_text_codec.h's bytes). Fixed-size little headers, lengths checked on both sides.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "extract/document_format.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// Text extraction (extractor.h) or OCR of a scanned PDF (pdf_ocr.h).
enum class ExtractionKind : uint32_t { kExtract = 1, kOcr = 2 };

struct ExtractionRequest {
  ExtractionKind kind = ExtractionKind::kExtract;
  DocumentFormat format = DocumentFormat::kText;
  uint32_t cpu_seconds = 0;  // this file's CPU limit; the child sets RLIMIT_CPU from it
  std::string language;      // OCR's language hint ("en", "zh-Hant", "" when unknown)
  std::string_view bytes;    // the original
};

// What the child does with a request: production runs extract_request(); tests pass handlers
// that crash, loop, allocate or write too much.
using ExtractionHandler = std::function<Result<ExtractedText>(const ExtractionRequest&)>;

// The production handler: extract(), or ocr_pdf() then finish_extraction().
Result<ExtractedText> extract_request(const ExtractionRequest& request);

// Bytes of a request header (kind, format, cpu seconds, language length, payload length).
inline constexpr size_t kRequestHeaderBytes = 4 * 4 + 8;
// Bytes of a result header (the encoded result's length).
inline constexpr size_t kResultHeaderBytes = 8;
// Largest original a request may carry (bytes): ingest/indexer_options.h's kMaxOriginalBytes,
// which a static_assert there keeps below this.
inline constexpr uint64_t kMaxRequestPayloadBytes = 64 * 1024 * 1024;
// Longest language hint accepted in a request.
inline constexpr uint32_t kMaxLanguageBytes = 32;

// The header and language of `request`, to be followed on the wire by request.bytes.
std::string encode_request_head(const ExtractionRequest& request);

// Header fields as read by the child; kCorrupt when they are out of range.
struct RequestHead {
  ExtractionKind kind;
  DocumentFormat format;
  uint32_t cpu_seconds;
  uint32_t language_bytes;
  uint64_t payload_bytes;
};
Result<RequestHead> decode_request_head(std::string_view header, uint64_t max_payload_bytes);

// 8-byte little-endian length, and back.
std::string encode_length(uint64_t length);
uint64_t decode_length(std::string_view eight_bytes);

}  // namespace jil::extract
