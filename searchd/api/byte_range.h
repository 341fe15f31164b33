// Reads a Range request header (RFC 9110 14.1 and 14.2) against a representation of known
// length: the one byte range to send, that no asked range can be satisfied, or that the header is
// to be ignored and the whole representation sent. Pure text → decision; no I/O.
#pragma once

#include <cstdint>
#include <string_view>

namespace jil::api {

// The bytes `first` to `last` of a representation, both included.
struct ByteRange {
  uint64_t first = 0;
  uint64_t last = 0;
  uint64_t size() const { return last - first + 1; }
};

struct RangeSelection {
  enum class Kind {
    kWhole,          // no range to honour: 200 with the whole representation
    kPartial,        // 206 with the bytes of `range`
    kUnsatisfiable,  // 416 with `Content-Range: bytes */length`
  };
  Kind kind = Kind::kWhole;
  ByteRange range;  // for kPartial: within the representation (last < length)
};

// What to send for the Range header value `range_header` (empty: no header) and a representation
// of `length` bytes. Only one `bytes` range is honoured: `a-b` (b past the end is cut to the end),
// `a-` (to the end) or `-n` (the last n bytes, all when n is larger). kUnsatisfiable when a range
// starts at or past the end, or is `-0`. kWhole for anything else, which RFC 9110 14.2 lets a
// server ignore: a syntax error (b < a, a sign, a space inside the range, no "="), another unit,
// several ranges (serving one multipart/byteranges answer is not worth its code for the PDF
// viewers that ask), and `-n` of an empty representation (zero bytes have no Content-Range).
// Numbers too large for 64 bits are read as the largest value: still past any end.
RangeSelection select_byte_range(std::string_view range_header, uint64_t length);

}  // namespace jil::api
