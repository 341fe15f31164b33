// Implementation of extract_worker_protocol.h.
#include "extract/extract_worker_protocol.h"

#include "extract/extractor.h"
#include "extract/pdf_ocr.h"

namespace jil::extract {
namespace {

void put_u32(std::string& out, uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>(value >> shift));
}

uint32_t get_u32(std::string_view bytes) {
  uint32_t value = 0;
  for (int index = 3; index >= 0; --index) {
    value = (value << 8) | static_cast<unsigned char>(bytes[static_cast<size_t>(index)]);
  }
  return value;
}

constexpr uint32_t kLastFormat = static_cast<uint32_t>(DocumentFormat::kEpub);

}  // namespace

Result<ExtractedText> extract_request(const ExtractionRequest& request) {
  if (request.kind == ExtractionKind::kExtract) return extract(request.format, request.bytes);
  Result<ExtractedText> text = ocr_pdf(request.bytes, request.language);
  if (text.is_ok()) finish_extraction(*text);
  return text;
}

std::string encode_length(uint64_t length) {
  std::string out;
  put_u32(out, static_cast<uint32_t>(length));
  put_u32(out, static_cast<uint32_t>(length >> 32));
  return out;
}

uint64_t decode_length(std::string_view eight_bytes) {
  return static_cast<uint64_t>(get_u32(eight_bytes)) |
         (static_cast<uint64_t>(get_u32(eight_bytes.substr(4))) << 32);
}

std::string encode_request_head(const ExtractionRequest& request) {
  std::string out;
  put_u32(out, static_cast<uint32_t>(request.kind));
  put_u32(out, static_cast<uint32_t>(request.format));
  put_u32(out, request.cpu_seconds);
  put_u32(out, static_cast<uint32_t>(request.language.size()));
  out += encode_length(request.bytes.size());
  out += request.language;
  return out;
}

Result<RequestHead> decode_request_head(std::string_view header, uint64_t max_payload_bytes) {
  if (header.size() != kRequestHeaderBytes) return Status(StatusCode::kCorrupt, "short request");
  RequestHead head{};
  const uint32_t kind = get_u32(header);
  const uint32_t format = get_u32(header.substr(4));
  head.cpu_seconds = get_u32(header.substr(8));
  head.language_bytes = get_u32(header.substr(12));
  head.payload_bytes = decode_length(header.substr(16));
  if ((kind != 1 && kind != 2) || format > kLastFormat || head.language_bytes > kMaxLanguageBytes ||
      head.payload_bytes > max_payload_bytes) {
    return Status(StatusCode::kCorrupt, "malformed extraction request");
  }
  head.kind = static_cast<ExtractionKind>(kind);
  head.format = static_cast<DocumentFormat>(format);
  return head;
}

}  // namespace jil::extract
