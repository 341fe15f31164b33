// A MessagePack reader that calls a handler for each value, as nlohmann's SAX interface does, but
// that reads from a byte view and copies each string once: nlohmann's binary reader fetches a
// byte at a time through its input adapter, which was nine tenths of reading a document's head
// (searchd reads ten per page). It accepts exactly what nlohmann's msgpack parser accepts with
// strict=true (tests/unit/schema/head_reader_test.cc compares them on every truncation and byte
// flip of a head), and nests at most kMaxMsgpackDepth deep.
//
// Handler: null(), boolean(bool), number_integer(int64_t), number_unsigned(uint64_t),
// number_float(double), string(std::string&), binary(), start_object(size_t), key(std::string&),
// end_object(), start_array(size_t), end_array(), parse_error(std::string message); each returns
// false to stop the reading.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace jil::schema {

inline constexpr size_t kMaxMsgpackDepth = 1000;

template <typename Handler>
class MsgpackEvents {
 public:
  MsgpackEvents(std::string_view bytes, Handler& handler) : bytes_(bytes), handler_(handler) {}

  // True when the bytes hold one value and nothing after it, every callback returning true.
  bool read() {
    if (!value(0)) return false;
    if (at_ != bytes_.size()) return fail("expected end of input");
    return true;
  }

 private:
  bool fail(const std::string& what) {
    return handler_.parse_error("byte " + std::to_string(at_) + ": " + what);
  }

  // The next `size` bytes as a big-endian unsigned number.
  bool number(size_t size, uint64_t& out) {
    if (bytes_.size() - at_ < size) return fail("unexpected end of input");
    out = 0;
    for (size_t i = 0; i < size; ++i) out = (out << 8) | static_cast<uint8_t>(bytes_[at_ + i]);
    at_ += size;
    return true;
  }

  bool text(uint64_t length, std::string& out) {
    if (bytes_.size() - at_ < length) return fail("unexpected end of input");
    out.assign(bytes_.data() + at_, static_cast<size_t>(length));
    at_ += static_cast<size_t>(length);
    return true;
  }

  bool skip(uint64_t length) {
    if (bytes_.size() - at_ < length) return fail("unexpected end of input");
    at_ += static_cast<size_t>(length);
    return true;
  }

  // A string in MessagePack's str formats (a map key); false for any other byte.
  bool string_value(std::string& out) {
    if (at_ >= bytes_.size()) return fail("unexpected end of input");
    const uint8_t byte = static_cast<uint8_t>(bytes_[at_++]);
    uint64_t length = 0;
    if (byte >= 0xA0 && byte <= 0xBF) {
      length = byte & 0x1Fu;
    } else if (byte >= 0xD9 && byte <= 0xDB) {
      if (!number(size_t{1} << (byte - 0xD9), length)) return false;
    } else {
      return fail("expected a string");
    }
    return text(length, out);
  }

  bool object(uint64_t entries, size_t depth) {
    if (!handler_.start_object(static_cast<size_t>(entries))) return false;
    std::string name;
    for (uint64_t entry = 0; entry < entries; ++entry) {
      if (!string_value(name) || !handler_.key(name) || !value(depth + 1)) return false;
    }
    return handler_.end_object();
  }

  bool array(uint64_t items, size_t depth) {
    if (!handler_.start_array(static_cast<size_t>(items))) return false;
    for (uint64_t item = 0; item < items; ++item) {
      if (!value(depth + 1)) return false;
    }
    return handler_.end_array();
  }

  bool float_value(size_t size) {
    uint64_t bits = 0;
    if (!number(size, bits)) return false;
    if (size == 4) {
      const auto narrow = static_cast<uint32_t>(bits);
      float single = 0;
      std::memcpy(&single, &narrow, sizeof single);
      return handler_.number_float(static_cast<double>(single));
    }
    double wide = 0;
    std::memcpy(&wide, &bits, sizeof wide);
    return handler_.number_float(wide);
  }

  // bin 8/16/32, ext 8/16/32 (a length, then a type byte) and fixext 1-16 (a type byte).
  bool binary(uint8_t byte) {
    uint64_t length = 0;
    if (byte >= 0xC4 && byte <= 0xC6) {
      if (!number(size_t{1} << (byte - 0xC4), length)) return false;
    } else if (byte >= 0xC7 && byte <= 0xC9) {
      uint64_t type = 0;
      if (!number(size_t{1} << (byte - 0xC7), length) || !number(1, type)) return false;
    } else {
      uint64_t type = 0;
      if (!number(1, type)) return false;
      length = uint64_t{1} << (byte - 0xD4);
    }
    return skip(length) && handler_.binary();
  }

  bool value(size_t depth) {
    if (depth >= kMaxMsgpackDepth) return fail("nested too deep");
    if (at_ >= bytes_.size()) return fail("unexpected end of input");
    const uint8_t byte = static_cast<uint8_t>(bytes_[at_++]);
    uint64_t n = 0;
    if (byte <= 0x7F) return handler_.number_unsigned(byte);
    if (byte <= 0x8F) return object(byte & 0x0Fu, depth);
    if (byte <= 0x9F) return array(byte & 0x0Fu, depth);
    if (byte <= 0xBF) {
      std::string out;
      return text(byte & 0x1Fu, out) && handler_.string(out);
    }
    if (byte >= 0xE0) return handler_.number_integer(static_cast<int8_t>(byte));
    switch (byte) {
      case 0xC0:
        return handler_.null();
      case 0xC2:
        return handler_.boolean(false);
      case 0xC3:
        return handler_.boolean(true);
      case 0xC4:
      case 0xC5:
      case 0xC6:
      case 0xC7:
      case 0xC8:
      case 0xC9:
      case 0xD4:
      case 0xD5:
      case 0xD6:
      case 0xD7:
      case 0xD8:
        return binary(byte);
      case 0xCA:
        return float_value(4);
      case 0xCB:
        return float_value(8);
      case 0xCC:
      case 0xCD:
      case 0xCE:
      case 0xCF:
        return number(size_t{1} << (byte - 0xCC), n) && handler_.number_unsigned(n);
      case 0xD0:
        return number(1, n) && handler_.number_integer(static_cast<int8_t>(n));
      case 0xD1:
        return number(2, n) && handler_.number_integer(static_cast<int16_t>(n));
      case 0xD2:
        return number(4, n) && handler_.number_integer(static_cast<int32_t>(n));
      case 0xD3:
        return number(8, n) && handler_.number_integer(static_cast<int64_t>(n));
      case 0xD9:
      case 0xDA:
      case 0xDB: {
        std::string out;
        return number(size_t{1} << (byte - 0xD9), n) && text(n, out) && handler_.string(out);
      }
      case 0xDC:
        return number(2, n) && array(n, depth);
      case 0xDD:
        return number(4, n) && array(n, depth);
      case 0xDE:
        return number(2, n) && object(n, depth);
      case 0xDF:
        return number(4, n) && object(n, depth);
      default:
        return fail("invalid byte");  // 0xC1, never used
    }
  }

  std::string_view bytes_;
  Handler& handler_;
  size_t at_ = 0;
};

}  // namespace jil::schema
