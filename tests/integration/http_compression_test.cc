// gzip over real HTTP (api/response_compression.h): the results page, the JSON API and a
// stylesheet come gzipped to a client that asks, inflate to exactly what a client that does not
// ask gets, say Vary: Accept-Encoding, and carry an ETag of their own that revalidates to a 304
// without a Content-Encoding; an original file is never compressed.
#include <gtest/gtest.h>

#include <string>

#include "gzip_inflate.h"
#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

HttpReply get_with(const std::string& target, const HeaderList& headers) {
  return http_request(environment().port(), "GET", target, headers);
}

TEST(HttpCompression, TextAnswersComeGzippedToWhoAsksAndInflateToTheSameBytes) {
  for (const std::string target :
       {"/search?q=judicial+independence", "/api/v1/search?q=judicial+independence&hl=en",
        "/api/v1/openapi.json"}) {
    const HttpReply plain = get_with(target, {});
    ASSERT_EQ(plain.status, 200u) << target;
    EXPECT_EQ(plain.header("Content-Encoding"), "") << target;
    EXPECT_NE(plain.header("Vary").find("Accept-Encoding"), std::string::npos) << target;
    const HttpReply gzipped = get_with(target, {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_EQ(gzipped.status, 200u) << target;
    EXPECT_EQ(gzipped.header("Content-Encoding"), "gzip") << target;
    EXPECT_EQ(gzipped.header("Content-Length"), std::to_string(gzipped.body.size()));
    EXPECT_LT(gzipped.body.size(), plain.body.size() / 2) << target;
    EXPECT_EQ(gzip_inflated(gzipped.body), plain.body) << target;
    EXPECT_NE(gzipped.header("Vary").find("Accept-Encoding"), std::string::npos) << target;

    // Two representations, two ETags; each revalidates, and a 304 has no Content-Encoding.
    ASSERT_FALSE(gzipped.header("ETag").empty());
    EXPECT_NE(gzipped.header("ETag"), plain.header("ETag")) << target;
    const HttpReply unchanged =
        get_with(target, {{"Accept-Encoding", "gzip"}, {"If-None-Match", gzipped.header("ETag")}});
    EXPECT_EQ(unchanged.status, 304u) << target;
    EXPECT_TRUE(unchanged.body.empty());
    EXPECT_EQ(unchanged.header("Content-Encoding"), "");
    // The identity tag names the other representation: the gzip one is sent in full.
    EXPECT_EQ(
        get_with(target, {{"Accept-Encoding", "gzip"}, {"If-None-Match", plain.header("ETag")}})
            .status,
        200u)
        << target;
  }
}

// OAI-PMH answers are text/xml, which was missing from the compressible types: harvesters that
// ask for gzip got every ListRecords page in full, without Vary.
TEST(HttpCompression, OaiPmhAnswersComeGzippedToWhoAsks) {
  const std::string target = "/oai?verb=ListRecords&metadataPrefix=oai_dc";
  const HttpReply plain = get_with(target, {});
  ASSERT_EQ(plain.status, 200u);
  EXPECT_EQ(plain.header("Content-Encoding"), "");
  EXPECT_NE(plain.header("Vary").find("Accept-Encoding"), std::string::npos);
  const HttpReply gzipped = get_with(target, {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(gzipped.status, 200u);
  EXPECT_EQ(gzipped.header("Content-Type"), plain.header("Content-Type"));
  EXPECT_EQ(gzipped.header("Content-Encoding"), "gzip");
  EXPECT_NE(gzipped.header("Vary").find("Accept-Encoding"), std::string::npos);
  EXPECT_LT(gzipped.body.size(), plain.body.size() / 2);
  // The same records; only responseDate may differ between the two answers.
  const std::string inflated = gzip_inflated(gzipped.body);
  const auto records = [](const std::string& xml) { return xml.substr(xml.find("<request")); };
  EXPECT_EQ(records(inflated), records(plain.body));
}

TEST(HttpCompression, RefusedGzipAndOriginalFilesKeepTheirBytes) {
  const std::string target = "/search?q=judicial+independence";
  EXPECT_EQ(
      get_with(target, {{"Accept-Encoding", "gzip;q=0, identity"}}).header("Content-Encoding"), "");
  const HttpReply search = get_with("/api/v1/search?q=judicial&fields=id", {});
  ASSERT_EQ(search.status, 200u);
  const size_t id_at = search.body.find("\"id\":\"");
  ASSERT_NE(id_at, std::string::npos) << search.body;
  const std::string id =
      search.body.substr(id_at + 6, search.body.find('"', id_at + 6) - (id_at + 6));
  const HttpReply original = get_with("/doc/" + id + "/original", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(original.status, 200u) << id;
  EXPECT_EQ(original.header("Content-Encoding"), "");
  EXPECT_EQ(original.header("Content-Length"), std::to_string(original.body.size()));
}

}  // namespace
}  // namespace jil::integration
