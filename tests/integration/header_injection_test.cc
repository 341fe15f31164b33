// Header injection through reflected values (RELIABILITY.md T-H9): whatever a request or a
// document carries (CR, LF, NUL in the query, Host or original file name; Arabic and Chinese
// file names), every header line jil-searchd sends is one well-formed line, and downloads are
// named the RFC 6266 way (api/content_disposition.h): filename="ascii fallback, the document id
// when the name has no ASCII letter or digit"; filename*=UTF-8''percent-encoded.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http_client.h"
#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

// The header block of a raw response: each line must be "Name: value" with a token name and a
// value free of CR, LF and NUL; the injected header names must not appear.
void expect_clean_head(const std::string& response, const std::string& context) {
  const size_t end = response.find("\r\n\r\n");
  ASSERT_NE(end, std::string::npos) << context << ": no header block";
  const std::string head = response.substr(0, end + 2);
  size_t start = head.find("\r\n") + 2;  // after the status line
  EXPECT_EQ(head.substr(0, start).find('\n'), start - 1) << context;
  while (start < head.size()) {
    const size_t line_end = head.find("\r\n", start);
    const std::string line = head.substr(start, line_end - start);
    EXPECT_EQ(line.find_first_of(std::string("\r\n\0", 3)), std::string::npos)
        << context << ": " << line;
    const size_t colon = line.find(':');
    ASSERT_NE(colon, std::string::npos) << context << ": not a header line: " << line;
    EXPECT_EQ(line.substr(0, colon).find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"),
              std::string::npos)
        << context << ": " << line;
    EXPECT_NE(line.rfind("Injected", 0), 0u) << context << ": " << line;
    EXPECT_NE(line.rfind("Set-Cookie: evil", 0), 0u) << context << ": " << line;
    start = line_end + 2;
  }
}

TEST(HeaderInjection, ReflectedRequestValuesNeverMakeHeaderLines) {
  const std::vector<std::string> targets = {
      "/api/v1/search?q=a%0D%0AInjected:%20yes",
      "/search?q=a%0D%0ASet-Cookie:%20evil=1",
      "/search?q=judge&ui=fr%0D%0AInjected:%20yes",
      "/?ui=en%0AInjected:%20yes",
      "/api/v1/documents/x%0D%0AInjected:%20yes",
      "/doc/coi-guidance-en%0D%0AInjected:%20yes/original",
      "/feed.atom?q=a%00%0D%0AInjected:%20yes",
      "/oai?verb=Identify%0D%0AInjected:%20yes",
  };
  for (const std::string& target : targets) {
    const RawExchange exchange =
        raw_exchange(environment().port(), "GET " + target +
                                               " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: "
                                               "close\r\nIf-None-Match: \"a\r\n\r\n");
    ASSERT_EQ(exchange.error, "") << target;
    ASSERT_FALSE(exchange.response.empty()) << target;
    expect_clean_head(exchange.response, target);
  }
}

TEST(HeaderInjection, HostAndCookieValuesNeverMakeHeaderLines) {
  const RawExchange exchange =
      raw_exchange(environment().port(),
                   "GET /opensearch.xml HTTP/1.1\r\nHost: evil.example%0D%0AInjected: yes\r\n"
                   "Cookie: jil_ui=fr%0D%0AInjected: yes\r\nConnection: close\r\n\r\n");
  ASSERT_EQ(exchange.error, "");
  expect_clean_head(exchange.response, "Host");
}

// Documents whose original files have Arabic, Chinese and hostile names, in a private index.
class DownloadNames : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::filesystem::path root = environment().make_temp_dir("download-names");
    const std::filesystem::path source = root / "source";
    std::filesystem::create_directories(source);
    for (const auto& [id, name, language] : kDocuments) {
      write_source_document(source, name, "Judicial integrity and the conduct of judges.\n",
                            sidecar_json(id, language));
    }
    index_result_ = new ProgramResult(index_folders(root / "index", root / "store", {source}));
    server_ = new PrivateSearchd(root / "index", root / "store");
  }
  static void TearDownTestSuite() {
    delete server_;
    delete index_result_;
  }

  struct Document {
    const char* id;
    const char* name;
    const char* language;
  };
  static constexpr Document kDocuments[] = {
      {"download-arabic", "مدونة السلوك القضائي.txt", "ar"},
      {"download-chinese", "司法行为守则.txt", "zh"},
      {"download-quotes", "a \"quoted\"; name.txt", "en"},
      {"download-crlf", "evil\r\nInjected: yes.txt", "en"},
  };

  // The raw answer to GET /doc/{id}/original on the private searchd.
  static RawExchange download(const std::string& id) {
    return raw_exchange(server_->port(), "GET /doc/" + id +
                                             "/original HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                             "Connection: close\r\n\r\n");
  }

  static ProgramResult* index_result_;
  static PrivateSearchd* server_;
};

ProgramResult* DownloadNames::index_result_ = nullptr;
PrivateSearchd* DownloadNames::server_ = nullptr;

TEST_F(DownloadNames, ArabicAndChineseNamesUseTheRfc6266Form) {
  ASSERT_NE(server_->port(), 0) << server_->error() << index_result_->out << index_result_->err;
  const struct {
    std::string id;
    std::string disposition;
  } expected[] = {
      {"download-arabic",
       "attachment; filename=\"download-arabic.txt\"; "
       "filename*=UTF-8''%D9%85%D8%AF%D9%88%D9%86%D8%A9%20%D8%A7%D9%84%D8%B3%D9%84%D9%88%D9%83"
       "%20%D8%A7%D9%84%D9%82%D8%B6%D8%A7%D8%A6%D9%8A.txt"},
      {"download-chinese",
       "attachment; filename=\"download-chinese.txt\"; "
       "filename*=UTF-8''%E5%8F%B8%E6%B3%95%E8%A1%8C%E4%B8%BA%E5%AE%88%E5%88%99.txt"},
      {"download-quotes",
       "attachment; filename=\"a_quoted_name.txt\"; "
       "filename*=UTF-8''a%20%22quoted%22%3B%20name.txt"},
  };
  for (const auto& test : expected) {
    const RawExchange exchange = download(test.id);
    ASSERT_EQ(exchange.error, "") << test.id;
    EXPECT_EQ(exchange.status_line(), "HTTP/1.1 200 OK") << test.id;
    expect_clean_head(exchange.response, test.id);
    EXPECT_EQ(exchange.parsed().header("Content-Disposition"), test.disposition) << test.id;
  }
}

TEST_F(DownloadNames, ControlCharactersInAFileNameNeverReachAHeader) {
  ASSERT_NE(server_->port(), 0) << server_->error();
  const RawExchange exchange = download("download-crlf");
  ASSERT_EQ(exchange.error, "");
  // The indexer may refuse such a name (404) or keep it; either way the head stays clean.
  expect_clean_head(exchange.response, "download-crlf");
  if (exchange.status_line() == "HTTP/1.1 200 OK") {
    EXPECT_EQ(exchange.parsed().header("Content-Disposition"),
              "attachment; filename=\"evil_Injected_yes.txt\"; "
              "filename*=UTF-8''evil%0D%0AInjected%3A%20yes.txt");
  }
}

}  // namespace
}  // namespace jil::integration
