// Tests thesaurus/thesaurus.cc: the compiled-in thesaurus keeps every rule of the issue (six
// values at the top, 150+ concepts, labels in all six languages, no dangling or circular links),
// and the parser refuses each kind of defect with a message naming the concept.
#include "thesaurus/thesaurus.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "schema/vocabulary.h"

namespace jil::thesaurus {
namespace {

using analysis::Language;

TEST(BuiltInThesaurus, HasTheSixValuesOfJudicialConductAtTheTop) {
  const Thesaurus& thesaurus = Thesaurus::built_in();
  const std::vector<std::string>& values =
      schema::Vocabulary::built_in().ids(schema::Facet::kValue);
  EXPECT_EQ(thesaurus.top_concepts(), values);
}

TEST(BuiltInThesaurus, CoversTheFieldWithAtLeast150Concepts) {
  const Thesaurus& thesaurus = Thesaurus::built_in();
  EXPECT_GE(thesaurus.concepts().size(), 150u);
  for (const char* id : {"conflict-of-interest", "recusal", "gifts-hospitality",
                         "asset-declarations", "judicial-councils", "social-media", "bribery"}) {
    EXPECT_NE(thesaurus.find(id), nullptr) << id;
  }
}

TEST(BuiltInThesaurus, EveryConceptIsLabelledInAllSixLanguages) {
  for (const Concept& entry : Thesaurus::built_in().concepts()) {
    for (Language language : analysis::all_languages()) {
      const auto labels = entry.labels.find(language);
      ASSERT_NE(labels, entry.labels.end()) << entry.id;
      ASSERT_FALSE(labels->second.empty()) << entry.id;
      EXPECT_FALSE(labels->second.front().empty()) << entry.id;
    }
  }
}

TEST(BuiltInThesaurus, EveryConceptReachesATopConceptAndLinksPointAtRealConcepts) {
  const Thesaurus& thesaurus = Thesaurus::built_in();
  const std::vector<std::string> tops = thesaurus.top_concepts();
  const std::set<std::string> top_set(tops.begin(), tops.end());
  for (const Concept& entry : thesaurus.concepts()) {
    const std::vector<std::string> chain = thesaurus.with_ancestors(entry.id);
    ASSERT_FALSE(chain.empty());
    EXPECT_EQ(chain.front(), entry.id);
    EXPECT_TRUE(top_set.count(chain.back())) << entry.id << " never reaches a top concept";
    for (const auto& other : entry.narrower) EXPECT_NE(thesaurus.find(other), nullptr);
    for (const auto& other : entry.related) EXPECT_NE(thesaurus.find(other), nullptr);
  }
}

TEST(BuiltInThesaurus, NarrowerIsDerivedFromBroader) {
  const Thesaurus& thesaurus = Thesaurus::built_in();
  const Concept* child = thesaurus.find("conflict-of-interest");
  ASSERT_NE(child, nullptr);
  ASSERT_FALSE(child->broader.empty());
  const Concept* parent = thesaurus.find(child->broader.front());
  ASSERT_NE(parent, nullptr);
  EXPECT_NE(std::find(parent->narrower.begin(), parent->narrower.end(), child->id),
            parent->narrower.end());
}

TEST(BuiltInThesaurus, PreferredLabelIsInTheAskedLanguage) {
  const Thesaurus& thesaurus = Thesaurus::built_in();
  EXPECT_EQ(thesaurus.preferred_label("conflict-of-interest", Language::kZh), "利益冲突");
  EXPECT_EQ(thesaurus.preferred_label("conflict-of-interest", Language::kRu), "конфликт интересов");
  EXPECT_EQ(thesaurus.preferred_label("no-such-concept", Language::kEn), "no-such-concept");
}

// A two-concept thesaurus with `second` as the second concept's JSON.
std::string with_second(const std::string& second) {
  const std::string labels =
      R"({"ar":{"pref":"أ"},"zh":{"pref":"甲"},"en":{"pref":"a"},"fr":{"pref":"a"},)"
      R"("es":{"pref":"a"},"ru":{"pref":"а"}})";
  return R"({"version":1,"concepts":[{"id":"top","broader":[],"labels":)" + labels + "}," + second +
         "]}";
}

std::string labelled(const std::string& id, const std::string& links) {
  return R"({"id":")" + id + R"(",)" + links +
         R"("labels":{"ar":{"pref":"ب"},"zh":{"pref":"乙"},"en":{"pref":"b"},)"
         R"("fr":{"pref":"b"},"es":{"pref":"b"},"ru":{"pref":"б"}}})";
}

TEST(ThesaurusParse, AcceptsAWellFormedFile) {
  Result<Thesaurus> parsed =
      Thesaurus::parse(with_second(labelled("child", R"("broader":["top"],)")));
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->with_ancestors("child"), (std::vector<std::string>{"child", "top"}));
  EXPECT_EQ(parsed->find("top")->narrower, std::vector<std::string>{"child"});
}

TEST(ThesaurusParse, ReadsEachLanguagesExactLabels) {
  Result<Thesaurus> parsed = Thesaurus::parse(
      with_second(R"({"id":"child","broader":["top"],"labels":{"ar":{"pref":"ب"},)"
                  R"("zh":{"pref":"乙"},"en":{"pref":"b","alt":["c","d"],"exact":["d"]},)"
                  R"("fr":{"pref":"b"},"es":{"pref":"b"},"ru":{"pref":"б"}}})"));
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  const Concept& child = *parsed->find("child");
  EXPECT_EQ(child.labels.at(Language::kEn), (std::vector<std::string>{"b", "c", "d"}));
  EXPECT_EQ(child.exact_labels.size(), 1u);
  EXPECT_EQ(child.exact_labels.at(Language::kEn), std::vector<std::string>{"d"});
}

// A scope note in the reader's language where there is one, in English otherwise.
TEST(ThesaurusParse, ScopeNotesAreReadInEachLanguage) {
  Result<Thesaurus> parsed = Thesaurus::parse(with_second(
      labelled("child", R"("broader":["top"],"scope":{"en":"A note.","fr":"Une note."},)")));
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  const Concept& child = *parsed->find("child");
  EXPECT_EQ(child.scope, "A note.");
  Language written_in = Language::kUnd;
  EXPECT_EQ(child.scope_in(Language::kFr, &written_in), "Une note.");
  EXPECT_EQ(written_in, Language::kFr);
  EXPECT_EQ(child.scope_in(Language::kRu, &written_in), "A note.");
  EXPECT_EQ(written_in, Language::kEn) << "English when the reader's language has none";
  EXPECT_EQ(parsed->find("top")->scope_in(Language::kFr), "");
  Result<Thesaurus> unknown = Thesaurus::parse(
      with_second(labelled("child", R"("broader":["top"],"scope":{"de":"Eine Notiz."},)")));
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.status().message(),
            "concept 'child': scope note 'de' is not a string in one of the six languages");
}

TEST(ThesaurusParse, RefusesEachDefectWithAPreciseMessage) {
  const std::pair<std::string, std::string> cases[] = {
      {with_second(labelled("child", R"("broader":["missing"],)")),
       "concept 'child': unknown broader 'missing'"},
      {with_second(labelled("child", R"("broader":["child"],)")),
       "concept 'child': is its own broader concept"},
      {with_second(labelled("child", R"("related":["top"],)")),
       "concept 'child': related 'top' does not link back"},
      {with_second(labelled("Bad Id", "")), "concept 'Bad Id': malformed id"},
      {with_second(labelled("top", "")), "concept 'top': defined twice"},
      {with_second(R"({"id":"child","labels":{"en":{"pref":"b"}}})"),
       "concept 'child': no labels in ar"},
      {with_second(R"({"id":"child","broader":["top"],"labels":{"ar":{"pref":"ب"},)"
                   R"("zh":{"pref":"乙"},"en":{"pref":"b","exact":["c"]},"fr":{"pref":"b"},)"
                   R"("es":{"pref":"b"},"ru":{"pref":"б"}}})"),
       "concept 'child': an exact label in en is not one of its labels"},
      {R"({"concepts":[]})", "the thesaurus has no concepts"},
      {"[1,2", "the thesaurus is not a JSON object"},
  };
  for (const auto& [text, message] : cases) {
    Result<Thesaurus> parsed = Thesaurus::parse(text);
    ASSERT_FALSE(parsed.is_ok()) << text;
    EXPECT_EQ(parsed.status().message(), message);
  }
}

TEST(ThesaurusParse, RefusesABroaderCycle) {
  const std::string labels = R"("labels":{"ar":{"pref":"ب"},"zh":{"pref":"乙"},"en":{"pref":"b"},)"
                             R"("fr":{"pref":"b"},"es":{"pref":"b"},"ru":{"pref":"б"}})";
  const std::string text = R"({"concepts":[{"id":"a","broader":["b"],)" + labels +
                           R"(},{"id":"b","broader":["c"],)" + labels +
                           R"(},{"id":"c","broader":["a"],)" + labels + "}]}";
  Result<Thesaurus> parsed = Thesaurus::parse(text);
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_NE(parsed.status().message().find("is part of a broader cycle"), std::string::npos)
      << parsed.status().message();
}

}  // namespace
}  // namespace jil::thesaurus
