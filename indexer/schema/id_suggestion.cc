// Implementation of id_suggestion.h: ASCII case folding and a bounded edit distance are enough
// for ids, which are lower-case ASCII with hyphens; labels in the UI languages are compared after
// the search's own case and accent folding.
#include "schema/id_suggestion.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

#include "analysis/token_folding.h"
#include "schema/translated_labels.h"

namespace jil::schema {
namespace {

constexpr size_t kMaxEdits = 2;

// Lower-case ASCII, with spaces and underscores as hyphens: "Code of Conduct" -> "code-of-conduct".
std::string id_shaped(std::string_view text) {
  std::string shaped;
  shaped.reserve(text.size());
  for (const char c : text) {
    if (c >= 'A' && c <= 'Z') {
      shaped += static_cast<char>(c - 'A' + 'a');
    } else if (c == ' ' || c == '_') {
      shaped += '-';
    } else {
      shaped += c;
    }
  }
  return shaped;
}

// A label as the search folds it, with spaces as hyphens: "Éthique  judiciaire" and "ethique
// judiciaire" give the same key.
std::string label_key(std::string_view text) {
  static const analysis::TokenFolding folding = [] {
    auto created = analysis::TokenFolding::create();
    JIL_CHECK(created.is_ok());
    return std::move(created).value();
  }();
  const icu::UnicodeString folded = folding.fold(folding.case_fold(icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))));
  std::string key;
  folded.toUTF8String(key);
  std::string shaped;
  for (const char c : key) {
    const bool space = c == ' ' || c == '_' || c == '-';
    if (!space) {
      shaped += c;
    } else if (!shaped.empty() && shaped.back() != '-') {
      shaped += '-';
    }
  }
  while (!shaped.empty() && shaped.back() == '-') shaped.pop_back();
  return shaped;
}

// Whether `key` (a label_key) is one of the labels of `id` in a UI language.
bool is_translated_label(Facet facet, const std::string& id, const std::string& key) {
  const std::vector<std::string>& labels = translated_labels(facet, id);
  return std::any_of(labels.begin(), labels.end(),
                     [&](const std::string& label) { return label_key(label) == key; });
}

// Levenshtein distance, one row at a time.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The one id that `accepts`, else nullopt (none, or several).
template <typename Accepts>
std::optional<std::string> only_id(const std::vector<std::string>& ids, Accepts accepts) {
  std::optional<std::string> found;
  for (const std::string& id : ids) {
    if (!accepts(id)) continue;
    if (found) return std::nullopt;
    found = id;
  }
  return found;
}

}  // namespace

std::optional<std::string> suggested_id(Facet facet, std::string_view given) {
  const std::string shaped = id_shaped(given);
  if (shaped.empty()) return std::nullopt;
  const Vocabulary& vocabulary = Vocabulary::built_in();
  const std::vector<std::string>& ids = vocabulary.ids(facet);
  if (auto same = only_id(ids, [&](const std::string& id) {
        return id == shaped || id_shaped(vocabulary.label(facet, id)) == shaped;
      })) {
    return same;
  }
  const std::string key = label_key(given);
  if (auto translated = only_id(
          ids, [&](const std::string& id) { return is_translated_label(facet, id, key); })) {
    return translated;
  }
  if (auto begun = only_id(ids, [&](const std::string& id) {
        return id.size() > shaped.size() && id.starts_with(shaped) && id[shaped.size()] == '-';
      })) {
    return begun;
  }
  size_t best = kMaxEdits + 1;
  for (const std::string& id : ids) best = std::min(best, edit_distance(shaped, id));
  if (best > kMaxEdits || best >= shaped.size()) return std::nullopt;
  return only_id(ids, [&](const std::string& id) { return edit_distance(shaped, id) == best; });
}

std::string did_you_mean(Facet facet, std::string_view given) {
  const std::optional<std::string> id = suggested_id(facet, given);
  return id ? " (did you mean '" + *id + "'?)" : std::string();
}

std::optional<std::string> suggested_country_code(std::string_view given) {
  if (given.size() != 2) return std::nullopt;
  std::string upper(given);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (upper == given || !is_country_code(upper)) return std::nullopt;
  return upper;
}

}  // namespace jil::schema
