// Tests metadata/file_name_id.cc: the id a document gets from its file name is always valid.
#include "metadata/file_name_id.h"

#include <gtest/gtest.h>

#include "schema/doc_record.h"

namespace jil::metadata {
namespace {

std::string id_for(std::string_view name) {
  static std::unique_ptr<FileNameIds> ids = FileNameIds::create().value();
  const std::string id = ids->id_for(name);
  EXPECT_TRUE(schema::is_valid_id(id)) << name << " → " << id;
  return id;
}

TEST(FileNameId, ExtensionDroppedLowerCaseRunsBecomeOneHyphen) {
  EXPECT_EQ(id_for("coi-guidance-en.html"), "coi-guidance-en");
  EXPECT_EQ(id_for("Code of Conduct (2019).PDF"), "code-of-conduct-2019");
  EXPECT_EQ(id_for("report.2020.final.docx"), "report-2020-final");
  EXPECT_EQ(id_for("__draft__.txt"), "draft");
}

TEST(FileNameId, OtherScriptsAreSpelledInLatin) {
  EXPECT_EQ(id_for("Égalité des juges.md"), "egalite-des-juges");
  EXPECT_EQ(id_for("Кодекс судей.docx"), "kodeks-sudej");
  EXPECT_FALSE(id_for("法官守则.pdf").starts_with("doc-"));
  EXPECT_FALSE(id_for("مدونة السلوك.txt").starts_with("doc-"));
}

TEST(FileNameId, ShortEmptyAndLongNames) {
  EXPECT_EQ(id_for("a.txt"), "doc-a");
  EXPECT_EQ(id_for("_.txt"), id_for("_.txt"));  // stable
  EXPECT_TRUE(id_for("_.txt").starts_with("doc-"));
  EXPECT_NE(id_for("_.txt"), id_for("__.txt"));
  EXPECT_EQ(id_for(std::string(200, 'x') + ".txt").size(), 80u);
  EXPECT_EQ(id_for(std::string(79, 'x') + "-y.txt"), std::string(79, 'x'));  // no trailing "-"
  EXPECT_EQ(id_for(".hidden"), "hidden");
}

}  // namespace
}  // namespace jil::metadata
