// Test helper: the bytes a gzip stream holds, inflated by Poco (zlib), to check what searchd
// compressed against what it would have sent plain.
#pragma once

#include <Poco/InflatingStream.h>

#include <sstream>
#include <string>

namespace jil {

inline std::string gzip_inflated(const std::string& gzip) {
  std::istringstream in(gzip);
  Poco::InflatingInputStream inflater(in, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::ostringstream out;
  out << inflater.rdbuf();
  return std::move(out).str();
}

}  // namespace jil
