// Implementation of thesaurus.h: parsing and checking the thesaurus file.
#include "thesaurus/thesaurus.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

extern const char kJilThesaurusJson[];

namespace jil::thesaurus {
namespace {

using nlohmann::json;

Status concept_error(const std::string& id, const std::string& message) {
  return invalid_argument("concept '" + id + "': " + message);
}

Result<std::vector<std::string>> id_list(const json& object, const char* field,
                                         const std::string& id) {
  std::vector<std::string> ids;
  if (!object.contains(field)) return ids;
  const json& list = object.at(field);
  if (!list.is_array()) return concept_error(id, std::string(field) + " is not a list");
  for (const json& entry : list) {
    if (!entry.is_string()) return concept_error(id, std::string(field) + " holds a non-string");
    ids.push_back(entry.get<std::string>());
  }
  return ids;
}

Result<std::vector<std::string>> labels_in(const json& labels, analysis::Language language,
                                           const std::string& id) {
  const std::string code(analysis::language_code(language));
  if (!labels.contains(code) || !labels.at(code).is_object()) {
    return concept_error(id, "no labels in " + code);
  }
  const json& entry = labels.at(code);
  if (!entry.contains("pref") || !entry.at("pref").is_string() ||
      entry.at("pref").get<std::string>().empty()) {
    return concept_error(id, "no preferred label in " + code);
  }
  std::vector<std::string> out{entry.at("pref").get<std::string>()};
  if (entry.contains("alt")) {
    if (!entry.at("alt").is_array()) return concept_error(id, "alt in " + code + " is not a list");
    for (const json& alt : entry.at("alt")) {
      if (!alt.is_string() || alt.get<std::string>().empty()) {
        return concept_error(id, "an alternative label in " + code + " is empty");
      }
      out.push_back(alt.get<std::string>());
    }
  }
  return out;
}

// The "exact" list of a language's labels: each one of `labels`.
Result<std::vector<std::string>> exact_labels_in(const json& labels, analysis::Language language,
                                                 const std::vector<std::string>& all,
                                                 const std::string& id) {
  const std::string code(analysis::language_code(language));
  const json& entry = labels.at(code);
  std::vector<std::string> exact;
  if (!entry.contains("exact")) return exact;
  if (!entry.at("exact").is_array())
    return concept_error(id, "exact in " + code + " is not a list");
  for (const json& label : entry.at("exact")) {
    if (!label.is_string() ||
        std::find(all.begin(), all.end(), label.get<std::string>()) == all.end()) {
      return concept_error(id, "an exact label in " + code + " is not one of its labels");
    }
    exact.push_back(label.get<std::string>());
  }
  return exact;
}

Result<Concept> parse_concept(const json& object) {
  if (!object.is_object() || !object.contains("id") || !object.at("id").is_string()) {
    return invalid_argument("a concept has no id");
  }
  Concept parsed;
  parsed.id = object.at("id").get<std::string>();
  if (!is_valid_concept_id(parsed.id)) return concept_error(parsed.id, "malformed id");
  Result<std::vector<std::string>> broader = id_list(object, "broader", parsed.id);
  if (!broader.is_ok()) return broader.status();
  parsed.broader = std::move(broader).value();
  Result<std::vector<std::string>> related = id_list(object, "related", parsed.id);
  if (!related.is_ok()) return related.status();
  parsed.related = std::move(related).value();
  if (!object.contains("labels") || !object.at("labels").is_object()) {
    return concept_error(parsed.id, "no labels");
  }
  for (analysis::Language language : analysis::all_languages()) {
    Result<std::vector<std::string>> labels = labels_in(object.at("labels"), language, parsed.id);
    if (!labels.is_ok()) return labels.status();
    Result<std::vector<std::string>> exact =
        exact_labels_in(object.at("labels"), language, *labels, parsed.id);
    if (!exact.is_ok()) return exact.status();
    parsed.labels[language] = std::move(labels).value();
    if (!exact->empty()) parsed.exact_labels[language] = std::move(exact).value();
  }
  if (object.contains("scope") && object.at("scope").is_object()) {
    for (const auto& [code, note] : object.at("scope").items()) {
      const std::optional<analysis::Language> language = analysis::parse_language(code);
      if (!language || *language == analysis::Language::kUnd || !note.is_string()) {
        return concept_error(parsed.id, "scope note '" + code +
                                            "' is not a string in one of "
                                            "the six languages");
      }
      parsed.scopes[*language] = note.get<std::string>();
    }
    if (const auto english = parsed.scopes.find(analysis::Language::kEn);
        english != parsed.scopes.end()) {
      parsed.scope = english->second;
    }
  }
  return parsed;
}

}  // namespace

bool is_valid_concept_id(std::string_view id) {
  if (id.empty() || id.size() > 80 || id.front() == '-') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Result<Thesaurus> Thesaurus::parse(std::string_view json_text) {
  const json document = json::parse(json_text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return invalid_argument("the thesaurus is not a JSON object");
  }
  if (!document.contains("concepts") || !document.at("concepts").is_array()) {
    return invalid_argument("the thesaurus has no concepts list");
  }
  Thesaurus thesaurus;
  if (document.contains("version") && document.at("version").is_number_integer()) {
    thesaurus.version_ = document.at("version").get<int>();
  }
  for (const json& object : document.at("concepts")) {
    Result<Concept> parsed = parse_concept(object);
    if (!parsed.is_ok()) return parsed.status();
    if (thesaurus.index_.count(parsed->id)) return concept_error(parsed->id, "defined twice");
    thesaurus.index_.emplace(parsed->id, thesaurus.concepts_.size());
    thesaurus.concepts_.push_back(std::move(parsed).value());
  }
  if (thesaurus.concepts_.empty()) return invalid_argument("the thesaurus has no concepts");
  for (Concept& entry : thesaurus.concepts_) {
    for (const std::string& other : entry.broader) {
      if (!thesaurus.find(other)) return concept_error(entry.id, "unknown broader '" + other + "'");
      if (other == entry.id) return concept_error(entry.id, "is its own broader concept");
    }
    for (const std::string& other : entry.related) {
      const Concept* target = thesaurus.find(other);
      if (!target) return concept_error(entry.id, "unknown related '" + other + "'");
      if (std::find(target->related.begin(), target->related.end(), entry.id) ==
          target->related.end()) {
        return concept_error(entry.id, "related '" + other + "' does not link back");
      }
    }
  }
  for (const Concept& entry : thesaurus.concepts_) {
    for (const std::string& parent : entry.broader) {
      thesaurus.concepts_[thesaurus.index_.find(parent)->second].narrower.push_back(entry.id);
    }
  }
  // No cycle: walking up from any concept never comes back to a concept on the current path.
  std::map<std::string, int> state;  // 1 on the path, 2 done
  std::function<Status(const Concept&)> visit = [&](const Concept& entry) -> Status {
    int& mark = state[entry.id];
    if (mark == 2) return Status::ok();
    if (mark == 1) return concept_error(entry.id, "is part of a broader cycle");
    mark = 1;
    for (const std::string& parent : entry.broader) {
      if (Status status = visit(*thesaurus.find(parent)); !status.is_ok()) return status;
    }
    state[entry.id] = 2;
    return Status::ok();
  };
  for (const Concept& entry : thesaurus.concepts_) {
    if (Status status = visit(entry); !status.is_ok()) return status;
  }
  return thesaurus;
}

const Thesaurus& Thesaurus::built_in() {
  static const Thesaurus thesaurus = [] {
    Result<Thesaurus> parsed = parse(kJilThesaurusJson);
    JIL_CHECK(parsed.is_ok());
    return std::move(parsed).value();
  }();
  return thesaurus;
}

const Concept* Thesaurus::find(std::string_view id) const {
  const auto found = index_.find(id);
  return found == index_.end() ? nullptr : &concepts_[found->second];
}

std::vector<std::string> Thesaurus::top_concepts() const {
  std::vector<std::string> tops;
  for (const Concept& entry : concepts_) {
    if (entry.broader.empty()) tops.push_back(entry.id);
  }
  return tops;
}

std::vector<std::string> Thesaurus::with_ancestors(std::string_view id) const {
  std::vector<std::string> out;
  if (!find(id)) return out;
  out.emplace_back(id);
  for (size_t next = 0; next < out.size(); ++next) {  // breadth first: nearest first
    for (const std::string& parent : find(out[next])->broader) {
      if (std::find(out.begin(), out.end(), parent) == out.end()) out.push_back(parent);
    }
  }
  return out;
}

std::string Thesaurus::preferred_label(std::string_view id, analysis::Language language) const {
  const Concept* entry = find(id);
  if (!entry) return std::string(id);
  auto labels = entry->labels.find(language);
  if (labels == entry->labels.end()) labels = entry->labels.find(analysis::Language::kEn);
  return labels == entry->labels.end() ? entry->id : labels->second.front();
}

const std::string& Concept::scope_in(analysis::Language language,
                                     analysis::Language* written_in) const {
  static const std::string none;
  for (const analysis::Language candidate : {language, analysis::Language::kEn}) {
    if (const auto found = scopes.find(candidate); found != scopes.end()) {
      if (written_in != nullptr) *written_in = candidate;
      return found->second;
    }
  }
  return none;
}

}  // namespace jil::thesaurus
