// A batch with a hostile file (RELIABILITY.md T-P5/T-P6): the extractor child that chokes on it
// is stopped by a limit, the file fails with one line naming the limit, the rest of the batch is
// indexed and the documents already in the index are untouched (xapian-check finds no errors).
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_environment.h"

namespace jil::integration {
namespace {

using nlohmann::json;

json sidecar_for(const std::string& id, const std::string& language) {
  return {{"id", id},
          {"title", "Hostile batch " + id},
          {"language", language},
          {"type", "report"},
          {"organisation", "ijin"},
          {"country", ""},
          {"region", "global"},
          {"year", 2025},
          {"topics", {"judicial-ethics"}}};
}

void write_document(const std::filesystem::path& folder, const std::string& name,
                    const std::string& bytes, const std::string& id) {
  std::ofstream(folder / name, std::ios::binary) << bytes;
  std::ofstream(folder / (name + ".json"), std::ios::binary) << sidecar_for(id, "en").dump();
}

size_t count_of(const std::string& haystack, const std::string& needle) {
  size_t count = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

TEST(HostileFiles, OneHostileFileFailsAloneAndTheIndexStaysWhole) {
  const std::filesystem::path source = environment().make_temp_dir("hostile-source");
  const std::filesystem::path work = environment().make_temp_dir("hostile-index");
  const std::vector<std::string> index_arguments = {
      "index",        "--db", (work / "index").string(), "--store", (work / "store").string(),
      source.string()};
  write_document(source, "before.txt", "Earlier text about quixotrophy.\n", "hostile-before");
  const ProgramResult first = run_program(kIndexerPath, index_arguments);
  ASSERT_EQ(first.exit_code, 0) << first.err;

  write_document(source, "after.md", "# Later\n\nLater text about zymurgical ethics.\n",
                 "hostile-after");
  // 48 MiB of one "word" (T-P6): more text than an extractor child may hand back (40 MiB).
  write_document(source, "one-word.txt", std::string(48u << 20, 'a'), "hostile-one-word");
  const ProgramResult second = run_program(kIndexerPath, index_arguments);
  EXPECT_EQ(second.exit_code, 1) << second.err;  // some files failed
  EXPECT_EQ(count_of(second.err, "failed:"), 1u) << second.err;
  EXPECT_NE(
      second.err.find("failed: one-word.txt: extractor exceeded the output limit of 40 MiB\n"),
      std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("added 1, updated 0, unchanged 1"), std::string::npos) << second.err;

  Xapian::Database database((work / "index").string());
  EXPECT_EQ(database.get_doccount(), 2u);
  EXPECT_EQ(database.get_termfreq("Qhostile-before"), 1u);
  EXPECT_EQ(database.get_termfreq("Qhostile-after"), 1u);
  EXPECT_EQ(database.get_termfreq("Qhostile-one-word"), 0u);
  EXPECT_EQ(database.get_termfreq("quixotrophy"), 1u);
  EXPECT_EQ(database.get_termfreq("zymurgical"), 1u);
  database.close();
  const ProgramResult check = run_program("/usr/bin/xapian-check", {(work / "index").string()});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("No errors found"), std::string::npos) << check.out;
}

}  // namespace
}  // namespace jil::integration
