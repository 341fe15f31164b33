// Implementation of test_environment.h. searchd's readiness signal is its "listening" line on
// stdout; nothing here sleeps.
#include "test_environment.h"

#include <cstdlib>
#include <regex>

namespace jil::integration {
namespace {

// Time allowed for searchd (under ASan) to open the index and print its listening line.
constexpr std::chrono::seconds kSearchdStartLimit{60};

}  // namespace

IntegrationEnvironment& environment() {
  static IntegrationEnvironment instance;
  return instance;
}

void IntegrationEnvironment::start() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/jil-integration-XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr) << "mkdtemp " << pattern;
  root_ = pattern;
  ASSERT_EQ(setenv("SOURCE_DATE_EPOCH", kIndexEpoch, 1), 0);  // inherited by every indexer
  index_dir_ = root_ / "index";
  store_dir_ = root_ / "store";

  std::string catalog_error;
  catalog_ = CorpusCatalog::load(corpus_dir(), catalog_error);
  ASSERT_EQ(catalog_error, "");
  ASSERT_FALSE(catalog_.documents().empty()) << "no sidecars under " << corpus_dir();

  initial_index_run_ =
      run_program(kIndexerPath, {"index", "--db", index_dir_.string(), "--store",
                                 store_dir_.string(), "--json", corpus_dir().string()});
  ASSERT_EQ(initial_index_run_.exit_code, 0) << "jil-indexer failed:\n"
                                             << initial_index_run_.out << initial_index_run_.err;

  searchd_ = std::make_unique<ServerProcess>();
  std::string error;
  ASSERT_TRUE(searchd_->start(
      kSearchdPath,
      {"--db", index_dir_.string(), "--store", store_dir_.string(), "--web",
       (kSourceDir / "web").string(), "--listen", "127.0.0.1", "--port", "0", "--threads", "2",
       "--anonymous-rate", "100000", "--anonymous-burst", "1000000"},
      error))
      << error;
  const std::optional<std::string> line = searchd_->read_line(kSearchdStartLimit);
  ASSERT_TRUE(line.has_value()) << "jil-searchd exited or stayed silent";
  std::smatch match;
  const std::regex listening(R"(^jil-searchd listening on http://127\.0\.0\.1:(\d+)$)");
  ASSERT_TRUE(std::regex_match(*line, match, listening)) << "unexpected first line: " << *line;
  port_ = static_cast<unsigned short>(std::stoi(match[1].str()));
  ASSERT_NE(port_, 0);
}

void IntegrationEnvironment::stop() {
  if (searchd_) {
    EXPECT_EQ(searchd_->stop(), 0) << "jil-searchd did not exit cleanly on SIGTERM";
    searchd_.reset();
  }
  if (!root_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
}

std::filesystem::path IntegrationEnvironment::make_temp_dir(const std::string& label) const {
  std::string pattern = (root_ / (label + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp " << pattern;
    return {};
  }
  return pattern;
}

}  // namespace jil::integration
