// Implementation of json_view.h with nlohmann::json.
#include "render/json_view.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "render/html_escape.h"
#include "render/json_text.h"
#include "thesaurus/thesaurus.h"

namespace jil::render {
namespace {

using nlohmann::json;

size_t code_points(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

// The record's metadata plus the links a partner needs.
json api_metadata_json(const schema::DocRecord& record) {
  json out = schema::metadata_json(record);
  out["url"] = "/doc/" + record.id;
  out["original"] = {{"url", "/doc/" + record.id + "/original"},
                     {"media_type", record.media_type},
                     {"name", record.original_name},
                     {"bytes", record.bytes}};
  return out;
}

json highlight_json(const std::vector<search::TextPart>& parts) {
  std::string text;
  json matches = json::array();
  size_t offset = 0;
  for (const auto& part : parts) {
    const size_t length = code_points(part.text);
    if (part.match) matches.push_back({offset, length});
    offset += length;
    text += part.text;
  }
  return {{"text", text}, {"matches", matches}, {"html", parts_to_html(parts)}};
}

std::string dump(const json& value) { return json_text(value); }

}  // namespace

std::string parts_to_html(const std::vector<search::TextPart>& parts) {
  std::string html;
  for (const auto& part : parts) {
    if (part.match) {
      html += "<mark>" + html_escaped(part.text) + "</mark>";
    } else {
      html += html_escaped(part.text);
    }
  }
  return html;
}

std::string search_results_json(const search::SearchRequest& request,
                                const search::SearchResults& results) {
  json hits = json::array();
  for (const auto& hit : results.hits) {
    json item = api_metadata_json(hit.record);
    item["title_highlighted"] = highlight_json(hit.title);
    item["snippet"] = highlight_json(hit.snippet);
    item["score"] = hit.weight;
    item["work_languages"] = hit.work_languages;
    if (hit.page > 0) {
      item["page"] = hit.page;
      item["original"]["url"] =
          "/doc/" + hit.record.id + "/original#page=" + std::to_string(hit.page);
    }
    if (request.home_language != analysis::Language::kUnd) {
      const std::string home(analysis::language_code(request.home_language));
      item["in_home_language"] = std::find(hit.work_languages.begin(), hit.work_languages.end(),
                                           home) != hit.work_languages.end();
    }
    if (request.collapse_translations) {
      json others = json::array();
      for (const auto& version : hit.other_versions) {
        others.push_back({{"id", version.id},
                          {"language", version.language},
                          {"title", version.title},
                          {"url", "/doc/" + version.id}});
      }
      item["other_versions"] = std::move(others);
    }
    hits.push_back(std::move(item));
  }
  json facets = json::object();
  for (const auto& counts : results.facets) {
    json values = json::array();
    for (const auto& value : counts.values) {
      values.push_back(
          {{"value", value.value}, {"count", value.count}, {"selected", value.selected}});
    }
    facets[std::string(schema::facet_name(counts.facet))] = std::move(values);
  }
  const analysis::Language label_language = request.home_language == analysis::Language::kUnd
                                                ? analysis::Language::kEn
                                                : request.home_language;
  json concepts = json::array();
  for (const std::string& id : results.concepts) {
    concepts.push_back(
        {{"id", id},
         {"label", thesaurus::Thesaurus::built_in().preferred_label(id, label_language)}});
  }
  json out = {{"query", request.query}, {"total", results.total},
              {"page", request.page},   {"size", request.size},
              {"results", hits},        {"facets", facets},
              {"concepts", concepts},   {"cross_language", request.cross_language}};
  out["versions"] = request.collapse_translations ? "collapsed" : "all";
  if (!results.suggestion.empty()) out["suggestion"] = results.suggestion;
  if (request.year_from > 0 || request.year_to > 0) {
    json years = json::object();
    if (request.year_from > 0) years["from"] = request.year_from;
    if (request.year_to > 0) years["to"] = request.year_to;
    out["year_range"] = std::move(years);
  }
  if (request.home_language != analysis::Language::kUnd) {
    out["home_language"] = std::string(analysis::language_code(request.home_language));
    out["other_language_total"] = results.other_language_total;
  }
  return dump(out);
}

std::string document_json(const schema::DocRecord& record,
                          const std::vector<schema::DocRecord>& versions, bool with_text) {
  json out = api_metadata_json(record);
  json translations = json::array();
  for (const auto& version : versions) {
    if (version.id == record.id) continue;
    translations.push_back({{"id", version.id},
                            {"language", std::string(analysis::language_code(version.language))},
                            {"title", version.title},
                            {"url", "/doc/" + version.id}});
  }
  out["translations"] = translations;
  if (with_text) out["text"] = record.text;
  return dump(out);
}

std::string translation_gaps_json(const std::vector<search::WorkSummary>& works,
                                  const std::vector<std::string>& languages) {
  json out_works = json::array();
  std::map<std::string, uint64_t> missing_per_language;
  for (const std::string& language : languages) missing_per_language[language] = 0;
  for (const search::WorkSummary& work : works) {
    json versions = json::array();
    std::vector<std::string> present;
    for (const auto& version : work.versions) {
      present.push_back(version.language);
      versions.push_back(
          {{"id", version.id}, {"language", version.language}, {"title", version.title}});
    }
    std::vector<std::string> missing;
    for (const std::string& language : languages) {
      if (std::find(present.begin(), present.end(), language) == present.end()) {
        missing.push_back(language);
        ++missing_per_language[language];
      }
    }
    out_works.push_back({{"work", work.work}, {"versions", versions}, {"missing", missing}});
  }
  return dump({{"languages", languages},
               {"works", out_works},
               {"missing_per_language", missing_per_language}});
}

std::string concepts_json(const thesaurus::Thesaurus& thesaurus,
                          const std::map<std::string, Xapian::doccount>& documents) {
  json concepts = json::array();
  for (const thesaurus::Concept& entry : thesaurus.concepts()) {
    json labels = json::object();
    for (const auto& [language, names] : entry.labels) {
      labels[std::string(analysis::language_code(language))] = {
          {"pref", names.front()},
          {"alt", std::vector<std::string>(names.begin() + 1, names.end())}};
    }
    const auto count = documents.find(entry.id);
    concepts.push_back({{"id", entry.id},
                        {"labels", labels},
                        {"broader", entry.broader},
                        {"narrower", entry.narrower},
                        {"related", entry.related},
                        {"scope", entry.scope},
                        {"documents", count == documents.end() ? 0 : count->second}});
  }
  return dump({{"version", thesaurus.version()},
               {"top", thesaurus.top_concepts()},
               {"concepts", concepts}});
}

}  // namespace jil::render
