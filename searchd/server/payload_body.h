// The body type of searchd's responses (a Beast Body): the handler's text, or a slice of an open
// file read 64 KiB at a time as the socket takes it (api::FileSlice), so that sending an original
// of 64 MiB to a slow phone holds one chunk in memory instead of the file.
#pragma once

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "api/http_types.h"

namespace jil::server {

// Bytes read from a file per piece written.
inline constexpr size_t kFileChunkBytes = 64 * 1024;

struct PayloadBody {
  struct value_type {
    std::string text;
    std::optional<api::FileSlice> file;  // sent instead of `text`
  };

  static std::uint64_t size(const value_type& body) {
    return body.file ? body.file->length : body.text.size();
  }

  class writer {
   public:
    using const_buffers_type = boost::asio::const_buffer;

    template <bool isRequest, class Fields>
    writer(const boost::beast::http::header<isRequest, Fields>&, const value_type& body)
        : body_(body) {}

    void init(boost::beast::error_code& error) { error = {}; }

    // The next piece and whether more follow; an I/O error when the file ends or fails early.
    boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& error);

   private:
    const value_type& body_;
    bool text_sent_ = false;
    uint64_t file_sent_ = 0;
    std::unique_ptr<char[]> chunk_;
  };
};

}  // namespace jil::server
