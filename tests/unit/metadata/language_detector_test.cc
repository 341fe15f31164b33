// Tests metadata/language_detector.cc on paragraphs of the corpus in every language (and on every
// corpus document, whose sidecar says its language), and on short, mixed and ambiguous texts.
#include "metadata/language_detector.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/extractor.h"

namespace jil::metadata {
namespace {

using analysis::Language;

LanguageDetector& detector() {
  static std::unique_ptr<LanguageDetector> instance = LanguageDetector::create().value();
  return *instance;
}

// Paragraphs of corpus/ (one per language, two for Chinese: Simplified and Traditional).
const std::string kEnglish =
    "Social media have changed the way people inform themselves, keep in touch and take part in "
    "public life. Judges are members of society and many of them use these platforms privately, "
    "while courts increasingly use them to explain their work.";
const std::string kFrench =
    "La présente loi type est proposée aux États qui souhaitent inscrire dans leur législation le "
    "principe d'une répartition des affaires objective, aléatoire et vérifiable. Elle vise à "
    "garantir l'indépendance et l'impartialité des juges.";
const std::string kSpanish =
    "La reforma judicial emprendida en los últimos años ha puesto de manifiesto que la "
    "modernización de los despachos y la mejora de las remuneraciones no bastan para recuperar "
    "la confianza de la población.";
const std::string kRussian =
    "Порядок, в котором дело передаётся конкретному судье, напрямую влияет на доверие к суду. "
    "Если сторона, должностное лицо или председатель суда может выбрать судью для рассмотрения "
    "дела, ни беспристрастность, ни независимость судей не могут быть гарантированы.";
const std::string kArabic =
    "وضع هذا الميثاق بعد مشاورات استمرت أكثر من سنة شارك فيها قضاة من مختلف الدرجات، ورؤساء "
    "الغرف، وممثلون عن معهد الدروس القضائية. ولم يكن القصد منه إنشاء واجبات جديدة بقدر ما كان جمع "
    "الأعراف التي استقر عليها القضاة جيلًا بعد جيل.";
const std::string kSimplified =
    "法官有下列行为之一的，应当给予纪律处分：违反规定会见案件当事人及其代理人，或者为当事人打听案情"
    "、"
    "说情；接受当事人及其代理人的宴请、礼品、礼金或者其他利益；应当回避而不回避，或者隐瞒利益冲突的"
    "；"
    "未按照规定如实报告个人有关事项或者进行财产申报的；违反规定干预他人承办的案件。";
const std::string kTraditional =
    "法官應當依法迴避，不得接受當事人及其代理人的宴請、禮品或者其他利益。法院應當公開審判資訊，"
    "接受社會監督，維護司法公信力。法官在社交媒體上發表言論時，應當謹慎，避免損害司法的獨立與公正。"
    "法官應當如實申報財產，並說明來源。";

TEST(LanguageDetector, LatinScriptParagraphsByCld2) {
  for (const auto& [text, language] :
       {std::pair{kEnglish, Language::kEn}, std::pair{kFrench, Language::kFr},
        std::pair{kSpanish, Language::kEs}}) {
    const LanguageDetection detection = detector().detect(text);
    EXPECT_EQ(detection.language, language) << detection.detail;
    EXPECT_EQ(detection.method, "cld2");
    EXPECT_GE(detection.confidence, kMinLanguageConfidence) << detection.detail;
    EXPECT_LE(detection.confidence, 1.0);
  }
}

TEST(LanguageDetector, OtherScriptsDecideAlone) {
  const LanguageDetection russian = detector().detect(kRussian);
  EXPECT_EQ(russian.language, Language::kRu);
  EXPECT_EQ(russian.method, "script");
  EXPECT_GE(russian.confidence, kMinLanguageConfidence) << russian.detail;
  const LanguageDetection arabic = detector().detect(kArabic);
  EXPECT_EQ(arabic.language, Language::kAr);
  EXPECT_EQ(arabic.method, "script");
  EXPECT_NE(arabic.detail.find("Arabic"), std::string::npos) << arabic.detail;
}

TEST(LanguageDetector, ChineseScriptByCharactersThatDifferUnderTheTransforms) {
  const LanguageDetection simplified = detector().detect(kSimplified);
  EXPECT_EQ(simplified.language, Language::kZh);
  EXPECT_EQ(simplified.script, "Hans") << simplified.detail;
  const LanguageDetection traditional = detector().detect(kTraditional);
  EXPECT_EQ(traditional.language, Language::kZh);
  EXPECT_EQ(traditional.script, "Hant") << traditional.detail;
  double confidence = 0.0;
  EXPECT_EQ(detector().chinese_script("中文", confidence), "Hans");  // neither kind: default
  EXPECT_EQ(confidence, 0.0);
}

TEST(LanguageDetector, ShortTextsAreNotTrusted) {
  for (const std::string text : {"Judges", "Juge", "судья", "法官", "OK 2021"}) {
    const LanguageDetection detection = detector().detect(text);
    EXPECT_LT(detection.confidence, kMinLanguageConfidence) << text << ": " << detection.detail;
  }
}

TEST(LanguageDetector, NoLettersIsNoLanguage) {
  const LanguageDetection detection = detector().detect("2021 — 42 / 17 (§ 3.1) ... 123");
  EXPECT_EQ(detection.language, Language::kUnd);
  EXPECT_EQ(detection.method, "none");
  EXPECT_EQ(detection.confidence, 0.0);
}

TEST(LanguageDetector, MixedTextsFollowTheMainScriptWithLowerConfidence) {
  // An English text quoting Russian stays English; half and half is not trusted as Russian.
  const LanguageDetection quoting = detector().detect(kEnglish + " " + kEnglish + " «судья»");
  EXPECT_EQ(quoting.language, Language::kEn);
  const LanguageDetection halves = detector().detect(kRussian + " " + kArabic);
  EXPECT_EQ(halves.method, "script");
  EXPECT_LT(halves.confidence, 0.75) << halves.detail;
}

TEST(LanguageDetector, LatinTextInAnotherLanguageIsRefused) {
  // German is none of en, fr, es: CLD2's answer is not turned into one of them.
  const LanguageDetection german = detector().detect(
      "Die Richterinnen und Richter sind unabhängig und nur dem Gesetz unterworfen. Sie dürfen "
      "keine Geschenke annehmen, die ihre Unparteilichkeit in Frage stellen könnten, und müssen "
      "jeden Anschein der Befangenheit vermeiden.");
  EXPECT_LT(german.confidence, kMinLanguageConfidence) << german.detail;
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  std::stringstream bytes;
  bytes << input.rdbuf();
  return bytes.str();
}

TEST(LanguageDetector, EveryCorpusDocumentIsDetectedAsItsSidecarSays) {
  int documents = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::filesystem::path(JIL_CORPUS_DIR))) {
    const std::filesystem::path sidecar = entry.path().string() + ".json";
    if (!entry.is_regular_file() || !std::filesystem::exists(sidecar)) continue;
    const auto format = extract::format_of(entry.path());
    ASSERT_TRUE(format.has_value()) << entry.path();
    Result<extract::ExtractedText> extracted = extract::extract(*format, file_text(entry.path()));
    ASSERT_TRUE(extracted.is_ok()) << entry.path();
    const nlohmann::json metadata = nlohmann::json::parse(file_text(sidecar));
    const LanguageDetection detection = detector().detect(extracted->text);
    EXPECT_EQ(analysis::language_code(detection.language), metadata["language"].get<std::string>())
        << entry.path() << ": " << detection.detail;
    EXPECT_GE(detection.confidence, kMinLanguageConfidence)
        << entry.path() << ": " << detection.detail;
    if (metadata["language"] == "zh") {
      EXPECT_EQ(detection.script, metadata["script"].get<std::string>()) << entry.path();
    }
    ++documents;
  }
  EXPECT_EQ(documents, 68);
}

}  // namespace
}  // namespace jil::metadata
