// Implementation of json_view.h: search answers with JsonWriter (every request), the others with
// nlohmann::json.
#include "render/json_view.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "render/html_escape.h"
#include "render/json_text.h"
#include "render/json_writer.h"
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

namespace {

// highlight_json written by `writer`: {"html", "matches": [[offset, length]...], "text"}.
void write_highlight(JsonWriter& writer, const std::vector<search::TextPart>& parts) {
  std::string text;
  writer.begin_object().key("html").string(parts_to_html(parts)).key("matches").begin_array();
  size_t offset = 0;
  for (const auto& part : parts) {
    const size_t length = code_points(part.text);
    if (part.match) {
      writer.begin_array().number(uint64_t{offset}).number(uint64_t{length}).end_array();
    }
    offset += length;
    text += part.text;
  }
  writer.end_array().key("text").string(text).end_object();
}

// One hit: metadata_json(record) plus api_metadata_json's links and the hit's own fields, every
// key in byte order; only the keys in `fields` when it is not empty.
void write_hit(JsonWriter& writer, const search::SearchRequest& request,
               const search::SearchHit& hit, const std::vector<std::string>& fields) {
  const schema::DocRecord& record = hit.record;
  const std::string url = "/doc/" + record.id;
  const auto wants = [&fields](std::string_view key) {
    return fields.empty() || std::find(fields.begin(), fields.end(), key) != fields.end();
  };
  writer.begin_object();
  if (wants("country")) writer.key("country").string(record.country);
  if (wants("id")) writer.key("id").string(record.id);
  if (request.home_language != analysis::Language::kUnd && wants("in_home_language")) {
    const std::string_view home = analysis::language_code(request.home_language);
    writer.key("in_home_language")
        .boolean(std::find(hit.work_languages.begin(), hit.work_languages.end(), home) !=
                 hit.work_languages.end());
  }
  if (wants("language")) writer.key("language").string(analysis::language_code(record.language));
  if (wants("organisation")) writer.key("organisation").string(record.organisation);
  if (wants("original")) {
    writer.key("original").begin_object();
    writer.key("bytes").number(uint64_t{record.bytes});
    writer.key("media_type").string(record.media_type);
    writer.key("name").string(record.original_name);
    writer.key("url").string(hit.page > 0 ? url + "/original#page=" + std::to_string(hit.page)
                                          : url + "/original");
    writer.end_object();
  }
  if (request.collapse_translations && wants("other_versions")) {
    writer.key("other_versions").begin_array();
    for (const auto& version : hit.other_versions) {
      writer.begin_object()
          .key("id")
          .string(version.id)
          .key("language")
          .string(version.language)
          .key("title")
          .string(version.title)
          .key("url")
          .string("/doc/" + version.id)
          .end_object();
    }
    writer.end_array();
  }
  if (hit.page > 0 && wants("page")) writer.key("page").number(uint64_t{hit.page});
  if (wants("quality")) writer.key("quality").string(record.quality);
  if (wants("quality_notes")) writer.key("quality_notes").string(record.quality_notes);
  if (wants("region")) writer.key("region").string(record.region);
  if (wants("score")) writer.key("score").number(hit.weight);
  if (wants("script")) writer.key("script").string(record.script);
  if (wants("snippet")) {
    writer.key("snippet");
    write_highlight(writer, hit.snippet);
  }
  if (wants("summary")) writer.key("summary").string(record.summary);
  if (wants("title")) writer.key("title").string(record.title);
  if (wants("title_highlighted")) {
    writer.key("title_highlighted");
    write_highlight(writer, hit.title);
  }
  if (wants("topics")) writer.key("topics").strings(record.topics);
  if (wants("type")) writer.key("type").string(record.type);
  if (wants("url")) writer.key("url").string(url);
  if (wants("values")) writer.key("values").strings(record.values);
  if (wants("work")) writer.key("work").string(record.work);
  if (wants("work_languages")) writer.key("work_languages").strings(hit.work_languages);
  if (wants("year")) writer.key("year").number(int64_t{record.year});
  writer.end_object();
}

// Facet name → [{count, selected, value}], names in byte order.
void write_facets(JsonWriter& writer, const std::vector<search::FacetCounts>& facets) {
  std::map<std::string_view, const search::FacetCounts*> by_name;
  for (const auto& counts : facets) by_name[schema::facet_name(counts.facet)] = &counts;
  writer.begin_object();
  for (const auto& [name, counts] : by_name) {
    writer.key(name).begin_array();
    for (const auto& value : counts->values) {
      writer.begin_object()
          .key("count")
          .number(value.count)
          .key("selected")
          .boolean(value.selected)
          .key("value")
          .string(value.value)
          .end_object();
    }
    writer.end_array();
  }
  writer.end_object();
}

}  // namespace

std::string search_results_json(const search::SearchRequest& request,
                                const search::SearchResults& results,
                                const std::vector<std::string>& fields) {
  const analysis::Language label_language = request.home_language == analysis::Language::kUnd
                                                ? analysis::Language::kEn
                                                : request.home_language;
  std::string out;
  out.reserve(4096 + results.hits.size() * 2048);
  JsonWriter writer(out);
  writer.begin_object();
  writer.key("concepts").begin_array();
  for (const std::string& id : results.concepts) {
    writer.begin_object()
        .key("id")
        .string(id)
        .key("label")
        .string(thesaurus::Thesaurus::built_in().preferred_label(id, label_language))
        .end_object();
  }
  writer.end_array();
  writer.key("cross_language").boolean(request.cross_language);
  writer.key("facets");
  write_facets(writer, results.facets);
  if (request.home_language != analysis::Language::kUnd) {
    writer.key("home_language").string(analysis::language_code(request.home_language));
    writer.key("other_language_total").number(results.other_language_total);
  }
  writer.key("page").number(uint64_t{request.page});
  writer.key("query").string(request.query);
  writer.key("relaxed").boolean(results.relaxed);
  writer.key("results").begin_array();
  for (const auto& hit : results.hits) write_hit(writer, request, hit, fields);
  writer.end_array();
  writer.key("size").number(uint64_t{request.size});
  if (!results.suggestion.empty()) writer.key("suggestion").string(results.suggestion);
  writer.key("total").number(results.total);
  writer.key("versions").string(request.collapse_translations ? "collapsed" : "all");
  if (request.year_from > 0 || request.year_to > 0) {
    writer.key("year_range").begin_object();
    if (request.year_from > 0) writer.key("from").number(int64_t{request.year_from});
    if (request.year_to > 0) writer.key("to").number(int64_t{request.year_to});
    writer.end_object();
  }
  writer.end_object();
  return out;
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

namespace {

// {"en": "...", "fr": "...", ...}: a concept's scope notes by language code.
json scopes_of(const thesaurus::Concept& entry) {
  json scopes = json::object();
  for (const auto& [language, note] : entry.scopes) {
    scopes[std::string(analysis::language_code(language))] = note;
  }
  return scopes;
}

}  // namespace

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
                        {"scopes", scopes_of(entry)},
                        {"documents", count == documents.end() ? 0 : count->second}});
  }
  return dump({{"version", thesaurus.version()},
               {"top", thesaurus.top_concepts()},
               {"concepts", concepts}});
}

}  // namespace jil::render
