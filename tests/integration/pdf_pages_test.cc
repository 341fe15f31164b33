// A PDF hit is located by page (issue 4, "with the right page for PDF hits"): the indexer keeps
// page boundaries, searchd gives each PDF result the page of its snippet's first match and links
// the original at #page=N, in the API and on the HTML page.
#include <gtest/gtest.h>

#include <filesystem>

#include "http_client.h"
#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

class PdfPages : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = environment().make_temp_dir("pdf-pages");
    const std::filesystem::path source = work_ / "source";
    std::filesystem::create_directories(source);
    std::filesystem::copy_file(kSourceDir / "tests/fixtures/formats/two-pages-en.pdf",
                               source / "two-pages-en.pdf");
    write_bytes(source / "two-pages-en.pdf.json", sidecar_json("two-pages-en").dump());
    const ProgramResult indexed = index_folders(work_ / "index", work_ / "store", {source});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  }

  std::filesystem::path work_;
};

TEST_F(PdfPages, EachHitCarriesThePageOfItsFirstMatch) {
  PrivateSearchd searchd(work_ / "index", work_ / "store");
  ASSERT_NE(searchd.port(), 0) << searchd.error();
  // "step aside" is on page 1, "fair-minded" opens page 2.
  for (const auto& [query, page] :
       {std::pair<std::string, int>{"step+aside", 1}, {"fair-minded+observer", 2}}) {
    const nlohmann::json body = searchd.get_json("/api/v1/search?q=" + query);
    ASSERT_TRUE(body.is_object()) << query;
    ASSERT_EQ(body.at("results").size(), 1u) << query;
    const nlohmann::json& hit = body.at("results")[0];
    EXPECT_EQ(hit.at("page").get<int>(), page) << query;
    EXPECT_EQ(hit.at("original").at("url").get<std::string>(),
              "/doc/two-pages-en/original#page=" + std::to_string(page));
  }
  const HttpReply html = http_get(searchd.port(), "/search?q=fair-minded&ui=en");
  ASSERT_EQ(html.status, 200u);
  EXPECT_NE(html.body.find("href=\"/doc/two-pages-en/original#page=2\""), std::string::npos);
  EXPECT_NE(html.body.find(">page 2</a>"), std::string::npos);
}

}  // namespace
}  // namespace jil::integration
