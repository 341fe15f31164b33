// Tests server/payload_body.cc through Beast's own serializer: a text body as it is, a file
// slice read chunk by chunk with exactly its bytes and Content-Length, and a file that ends
// before its promised length failing the write instead of sending short.
#include "server/payload_body.h"

#include <gtest/gtest.h>

#include <boost/beast/http.hpp>
#include <sstream>
#include <string>

#include "base/file_io.h"
#include "base/read_only_file.h"
#include "temporary_directory.h"

namespace jil::server {
namespace {

namespace http = boost::beast::http;

struct Written {
  bool ok = false;
  std::string head;
  std::string body;
};

Written written(PayloadBody::value_type body) {
  http::response<PayloadBody> response(http::status::ok, 11);
  response.body() = std::move(body);
  response.prepare_payload();
  std::ostringstream out;
  out << response;
  const std::string all = out.str();
  const size_t end_of_head = all.find("\r\n\r\n");
  if (end_of_head == std::string::npos) return {out.good(), all, ""};
  return {out.good(), all.substr(0, end_of_head), all.substr(end_of_head + 4)};
}

std::shared_ptr<const ReadOnlyFile> file_of(const TemporaryDirectory& directory,
                                            const std::string& content) {
  EXPECT_TRUE(write_file_atomically(directory.path() / "original", content).is_ok());
  Result<std::shared_ptr<const ReadOnlyFile>> file =
      ReadOnlyFile::open(directory.path() / "original", 1 << 24);
  EXPECT_TRUE(file.is_ok()) << file.status().to_string();
  return file.is_ok() ? *file : nullptr;
}

std::string numbered_bytes(size_t size) {
  std::string bytes(size, '\0');
  for (size_t at = 0; at < size; ++at)
    bytes[at] = static_cast<char>('a' + (at * 7 + at / 251) % 26);
  return bytes;
}

TEST(PayloadBody, TextIsSentAsItIs) {
  const Written sent = written({"judicial integrity", std::nullopt});
  EXPECT_TRUE(sent.ok);
  EXPECT_NE(sent.head.find("Content-Length: 18"), std::string::npos) << sent.head;
  EXPECT_EQ(sent.body, "judicial integrity");
}

TEST(PayloadBody, AFileSliceIsSentChunkByChunkWithExactlyItsBytes) {
  TemporaryDirectory directory;
  const std::string content = numbered_bytes(3 * kFileChunkBytes + 1234);
  const auto file = file_of(directory, content);
  ASSERT_NE(file, nullptr);
  const Written whole = written({"", api::FileSlice{file, 0, content.size()}});
  EXPECT_TRUE(whole.ok);
  EXPECT_NE(whole.head.find("Content-Length: " + std::to_string(content.size())),
            std::string::npos);
  EXPECT_TRUE(whole.body == content) << whole.body.size() << " bytes";
  const uint64_t offset = kFileChunkBytes - 10;
  const uint64_t length = kFileChunkBytes + 20;
  const Written part = written({"ignored", api::FileSlice{file, offset, length}});
  EXPECT_TRUE(part.ok);
  EXPECT_NE(part.head.find("Content-Length: " + std::to_string(length)), std::string::npos);
  EXPECT_TRUE(part.body == content.substr(offset, length)) << part.body.size() << " bytes";
}

TEST(PayloadBody, AFileShorterThanItsSliceFailsTheWrite) {
  TemporaryDirectory directory;
  const auto file = file_of(directory, "short");
  ASSERT_NE(file, nullptr);
  const Written sent = written({"", api::FileSlice{file, 0, 100}});
  EXPECT_FALSE(sent.ok);
  EXPECT_LT(sent.body.size(), 100u);
}

}  // namespace
}  // namespace jil::server
