// Golden tables of the analyzer: tests/golden/analysis/<lang>.tsv lists `text<TAB>expected`, where
// expected is canonical_tokens() of the analysis of text in that language (format: see
// canonical_tokens.h). Any change to terms, stems or positions shows up here as a readable diff.
//
// To accept a deliberate change, run with JIL_UPDATE_GOLDEN=1: the tables are rewritten from the
// current output; review the diff line by line and bump kAnalyzerVersion. Blank lines and lines
// starting with '#' are kept; a new line holding only text (no tab) gets its expected output
// filled.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "base/file_io.h"
#include "canonical_tokens.h"
#include "test_analyzer.h"

namespace jil::analysis {
namespace {

constexpr size_t kMaxTableBytes = 1 << 20;  // tables are reviewed by eye; far below this
constexpr size_t kMinSamplesPerTable = 15;  // coverage must not shrink unnoticed

struct GoldenLine {
  std::string text;      // the sample, or the whole line for a comment or blank line
  std::string expected;  // canonical tokens; empty when the line is new
  bool is_sample = false;
};

std::filesystem::path table_path(Language language) {
  return std::filesystem::path(JIL_SOURCE_DIR) / "tests" / "golden" / "analysis" /
         (std::string(language_code(language)) + ".tsv");
}

std::vector<GoldenLine> parse_table(const std::string& content) {
  std::vector<GoldenLine> lines;
  std::istringstream stream(content);
  for (std::string line; std::getline(stream, line);) {
    GoldenLine parsed;
    if (line.empty() || line[0] == '#') {
      parsed.text = line;
    } else {
      const size_t tab = line.find('\t');
      parsed.is_sample = true;
      parsed.text = line.substr(0, tab);
      if (tab != std::string::npos) parsed.expected = line.substr(tab + 1);
    }
    lines.push_back(std::move(parsed));
  }
  return lines;
}

std::vector<std::string> split_tokens(const std::string& canonical) {
  std::vector<std::string> tokens;
  for (size_t begin = 0; begin < canonical.size();) {
    const size_t end = std::min(canonical.find(" | ", begin), canonical.size());
    tokens.push_back(canonical.substr(begin, end - begin));
    begin = end + 3;
  }
  return tokens;
}

// "token 3: expected `…` but got `…`", the first token that differs.
std::string first_difference(const std::string& expected, const std::string& actual) {
  const std::vector<std::string> want = split_tokens(expected);
  const std::vector<std::string> got = split_tokens(actual);
  for (size_t index = 0; index < std::max(want.size(), got.size()); ++index) {
    const std::string wanted = index < want.size() ? want[index] : "(none)";
    const std::string gotten = index < got.size() ? got[index] : "(none)";
    if (wanted != gotten) {
      return "token " + std::to_string(index) + ": expected `" + wanted + "` but got `" + gotten +
             "`";
    }
  }
  return "no difference";
}

bool update_requested() {
  const char* update = std::getenv("JIL_UPDATE_GOLDEN");
  return update != nullptr && std::string_view(update) == "1";
}

class GoldenTable : public testing::TestWithParam<Language> {};

}  // namespace

// Names the language in test listings ("zh") instead of printing its bytes.
void PrintTo(Language language, std::ostream* out) { *out << language_code(language); }

namespace {

TEST_P(GoldenTable, MatchesAnalyzerOutput) {
  const Language language = GetParam();
  const std::filesystem::path path = table_path(language);
  auto content = read_file(path, kMaxTableBytes);
  ASSERT_TRUE(content.is_ok()) << path << ": " << content.status().to_string();
  std::vector<GoldenLine> lines = parse_table(*content);

  auto analyzer = new_analyzer();
  size_t samples = 0;
  std::string rewritten;
  for (size_t index = 0; index < lines.size(); ++index) {
    GoldenLine& line = lines[index];
    if (!line.is_sample) {
      rewritten += line.text + "\n";
      continue;
    }
    ++samples;
    const std::string actual = canonical_tokens(analyzer->analyze(line.text, language));
    rewritten += line.text + "\t" + actual + "\n";
    if (!update_requested() && actual != line.expected) {
      ADD_FAILURE() << path.filename().string() << ":" << index + 1 << ": " << line.text
                    << "\n  expected: " << line.expected << "\n  actual:   " << actual << "\n  "
                    << first_difference(line.expected, actual)
                    << "\n  (if intended: JIL_UPDATE_GOLDEN=1, review, bump kAnalyzerVersion)";
    }
  }
  EXPECT_GE(samples, kMinSamplesPerTable) << path;
  if (update_requested() && rewritten != *content) {
    const Status written = write_file_atomically(path, rewritten);
    EXPECT_TRUE(written.is_ok()) << written.to_string();
    std::cout << "rewrote " << path.string() << "\n";
  }
}

std::string table_name(const testing::TestParamInfo<Language>& param) {
  return std::string(language_code(param.param));
}

INSTANTIATE_TEST_SUITE_P(AllLanguages, GoldenTable, testing::ValuesIn(all_languages()), table_name);

}  // namespace
}  // namespace jil::analysis
