// Implementation of arabic_broken_plurals.h: the table, written in ordinary spelling and folded
// once on first use.
#include "analysis/arabic_broken_plurals.h"

#include <unicode/unistr.h>

#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/token_folding.h"

namespace jil::analysis {
namespace {

// Plural, then its singular as texts write it without the article. Only plurals that mean one
// thing: ديون (debts) is left out because it folds like دين (religion), أسر (families) because it
// is also أسر (capture). A plural with two singular spellings is listed twice (امرأة, and المرأة
// without its article, مرأة).
constexpr std::pair<std::u16string_view, std::u16string_view> kPlurals[] = {
    {u"قضاة", u"قاضي"},    {u"محاكم", u"محكمة"},  {u"قوانين", u"قانون"}, {u"أحكام", u"حكم"},
    {u"مبادئ", u"مبدأ"},   {u"هدايا", u"هدية"},   {u"شهود", u"شاهد"},    {u"دعاوى", u"دعوى"},
    {u"قواعد", u"قاعدة"},  {u"مصالح", u"مصلحة"},  {u"أموال", u"مال"},    {u"رشاوى", u"رشوة"},
    {u"حقوق", u"حق"},      {u"أطراف", u"طرف"},    {u"معايير", u"معيار"}, {u"تقارير", u"تقرير"},
    {u"وثائق", u"وثيقة"},  {u"أعضاء", u"عضو"},    {u"مجالس", u"مجلس"},   {u"أقارب", u"قريب"},
    {u"جرائم", u"جريمة"},  {u"شكاوى", u"شكوى"},   {u"مسائل", u"مسألة"},  {u"أسباب", u"سبب"},
    {u"أعمال", u"عمل"},    {u"أنشطة", u"نشاط"},   {u"مناصب", u"منصب"},   {u"وظائف", u"وظيفة"},
    {u"دول", u"دولة"},     {u"أدلة", u"دليل"},    {u"أنظمة", u"نظام"},   {u"لوائح", u"لائحة"},
    {u"مواد", u"مادة"},    {u"أشخاص", u"شخص"},    {u"قضايا", u"قضية"},   {u"خصوم", u"خصم"},
    {u"مصادر", u"مصدر"},   {u"وسائل", u"وسيلة"},  {u"مهام", u"مهمة"},    {u"أهداف", u"هدف"},
    {u"برامج", u"برنامج"}, {u"أساليب", u"أسلوب"}, {u"ظروف", u"ظرف"},     {u"رجال", u"رجل"},
    {u"نساء", u"امرأة"},   {u"نساء", u"مرأة"},    {u"مراكز", u"مركز"},   {u"مكاتب", u"مكتب"},
    {u"أجهزة", u"جهاز"},   {u"أنواع", u"نوع"},    {u"أمثلة", u"مثال"},   {u"أسئلة", u"سؤال"},
    {u"دروس", u"درس"},     {u"مناهج", u"منهج"},   {u"عقود", u"عقد"},     {u"أسرار", u"سر"},
    {u"فوائد", u"فائدة"},  {u"منافع", u"منفعة"},  {u"مزايا", u"ميزة"},   {u"ضغوط", u"ضغط"},
    {u"أحزاب", u"حزب"},    {u"وزراء", u"وزير"},   {u"رؤساء", u"رئيس"},   {u"أعباء", u"عبء"},
    {u"حدود", u"حد"},      {u"أخطاء", u"خطأ"},    {u"عيوب", u"عيب"},     {u"أصول", u"أصل"},
    {u"أوراق", u"ورقة"},   {u"مراحل", u"مرحلة"},  {u"فصول", u"فصل"},     {u"أبواب", u"باب"},
    {u"بنود", u"بند"},     {u"مخاطر", u"خطر"},    {u"حوافز", u"حافز"},   {u"مواثيق", u"ميثاق"},
    {u"ضوابط", u"ضابط"},   {u"شروط", u"شرط"},     {u"أدوار", u"دور"},    {u"أفراد", u"فرد"},
};

// Folded as the analyzer folds a word (token_folding.h), hamza seats included (ئ → ي).
std::string folded_utf8(const TokenFolding& folding, std::u16string_view word) {
  const icu::UnicodeString text(false, word.data(), static_cast<int32_t>(word.size()));
  std::string out;
  folding.fold(folding.case_fold(text)).toUTF8String(out);
  return out;
}

// Looks up a string_view without making a string of it.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

struct Table {
  std::unordered_map<std::string, std::vector<std::string>, ViewHash, std::equal_to<>> singulars;
  std::vector<std::string> plurals;
};

const Table& table() {
  static const Table built = [] {
    Table made;
    Result<TokenFolding> folding = TokenFolding::create();
    JIL_CHECK(folding.is_ok());  // ICU's normalization data is part of the installation
    for (const auto& [plural, singular] : kPlurals) {
      std::string key = folded_utf8(*folding, plural);
      auto& entry = made.singulars[key];
      if (entry.empty()) made.plurals.push_back(key);
      entry.push_back(folded_utf8(*folding, singular));
    }
    return made;
  }();
  return built;
}

}  // namespace

std::span<const std::string> arabic_singulars_of(std::string_view folded) {
  const auto& singulars = table().singulars;
  auto found = singulars.find(folded);
  // A plural with a possessive pronoun attached: أحكامها, مصالحهم, أعمالنا. Not ه (his), which
  // reads like the folded ة of another word: مصادره is also مصادرة (confiscation).
  for (std::string_view pronoun : {"هما", "هم", "هن", "ها", "كم", "كن", "نا"}) {
    if (found != singulars.end()) break;
    if (folded.size() > pronoun.size() && folded.ends_with(pronoun)) {
      found = singulars.find(folded.substr(0, folded.size() - pronoun.size()));
    }
  }
  if (found == singulars.end()) return {};
  return found->second;
}

std::span<const std::string> arabic_broken_plurals() { return table().plurals; }

}  // namespace jil::analysis
