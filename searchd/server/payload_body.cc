// Implementation of payload_body.h.
#include "server/payload_body.h"

#include <algorithm>
#include <boost/system/errc.hpp>

#include "base/read_only_file.h"

namespace jil::server {

boost::optional<std::pair<PayloadBody::writer::const_buffers_type, bool>> PayloadBody::writer::get(
    boost::beast::error_code& error) {
  error = {};
  if (!body_.file) {
    if (text_sent_) return boost::none;
    text_sent_ = true;
    return {{const_buffers_type(body_.text.data(), body_.text.size()), false}};
  }
  const api::FileSlice& slice = *body_.file;
  if (file_sent_ >= slice.length) return boost::none;
  if (!chunk_) chunk_ = std::make_unique<char[]>(kFileChunkBytes);
  const size_t wanted =
      static_cast<size_t>(std::min<uint64_t>(kFileChunkBytes, slice.length - file_sent_));
  const Result<size_t> got = slice.file->read_at(slice.offset + file_sent_, chunk_.get(), wanted);
  if (!got.is_ok() || *got == 0) {
    // The Content-Length is already promised: the connection can only be cut.
    error = boost::system::errc::make_error_code(boost::system::errc::io_error);
    return boost::none;
  }
  file_sent_ += *got;
  return {{const_buffers_type(chunk_.get(), *got), file_sent_ < slice.length}};
}

}  // namespace jil::server
