// Builds the template data for each page and renders it with kainjow::mustache.
#include "render/html_view.h"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "base/file_io.h"
#include "base/url_encoding.h"
#include "render/display_names.h"
#include "render/json_view.h"
#include "schema/vocabulary.h"
#include "search/search_url.h"

namespace jil::render {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;
using schema::Facet;

constexpr const char* kUiLanguage = "en";
constexpr size_t kMaxTemplateBytes = 256 * 1024;
constexpr const char* kTemplateNames[] = {"layout", "search", "document", "error"};

std::string format_count(const std::string& pattern, uint64_t number) {
  std::string out = pattern;
  const size_t slot = out.find("{0}");
  if (slot != std::string::npos) out.replace(slot, 3, std::to_string(number));
  return out;
}

std::string facet_value_label(Facet facet, const std::string& value) {
  if (facet == Facet::kLanguage) return language_display_name(value, kUiLanguage);
  if (facet == Facet::kCountry) return country_display_name(value, kUiLanguage);
  if (facet == Facet::kYear) return value;
  return schema::Vocabulary::built_in().label(facet, value);
}

std::string search_url(const search::SearchRequest& request) {
  return "/search?" + search::to_query_string(request);
}

std::string joined_labels(Facet facet, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + facet_value_label(facet, id);
  return out;
}

}  // namespace

Result<HtmlRenderer> HtmlRenderer::load(const std::filesystem::path& web_directory) {
  HtmlRenderer renderer;
  for (const char* name : kTemplateNames) {
    Result<std::string> text = read_file(
        web_directory / "templates" / (std::string(name) + ".mustache"), kMaxTemplateBytes);
    if (!text.is_ok()) return text.status();
    mustache compiled(*text);
    if (!compiled.is_valid()) {
      return Status(StatusCode::kCorrupt,
                    std::string("template ") + name + ": " + compiled.error_message());
    }
    renderer.templates_[name] = std::move(text).value();
  }
  Result<std::string> catalog =
      read_file(web_directory / "i18n" / (std::string(kUiLanguage) + ".json"), kMaxTemplateBytes);
  if (!catalog.is_ok()) return catalog.status();
  const auto texts = nlohmann::json::parse(*catalog, nullptr, false);
  if (!texts.is_object()) return Status(StatusCode::kCorrupt, "web/i18n/en.json is not valid");
  for (const auto& [key, value] : texts.items()) {
    if (value.is_string()) renderer.texts_[key] = value.get<std::string>();
  }
  return renderer;
}

namespace {

// Renders a content template, then the layout around it.
std::string render_page(const std::map<std::string, std::string>& templates,
                        const std::map<std::string, std::string>& texts_by_key,
                        const std::string& title, const std::string& content_template,
                        data& content, const search::SearchRequest* request) {
  data texts;
  for (const auto& [key, value] : texts_by_key) texts.set(key, value);
  content.set("t", texts);
  content.set("ui_lang", kUiLanguage);
  content.set("ui_dir", text_direction(kUiLanguage));
  data layout;
  layout.set("t", texts);
  layout.set("ui_lang", kUiLanguage);
  layout.set("ui_dir", text_direction(kUiLanguage));
  layout.set("page_title", title);
  data hidden{data::type::list};
  if (request) {
    layout.set("query", request->query);
    for (const auto& [facet, values] : request->filters) {
      for (const auto& value : values) {
        data field;
        field.set("name", search::parameter_name(facet));
        field.set("value", value);
        hidden.push_back(field);
      }
    }
  }
  layout.set("hidden_filters", hidden);
  layout.set("content", mustache(templates.at(content_template)).render(content));
  return mustache(templates.at("layout")).render(layout);
}

}  // namespace

std::string HtmlRenderer::search_page(const search::SearchRequest& request,
                                      const search::SearchResults& results,
                                      const std::string& error) const {
  data view;
  if (!error.empty()) view.set("error", error);
  view.set("total_text",
           format_count(texts_.at(results.total == 1 ? "results_count_one" : "results_count_other"),
                        results.total));
  view.set("no_results", data(results.total == 0 ? data::type::bool_true : data::type::bool_false));
  data hits{data::type::list};
  for (const auto& hit : results.hits) {
    const std::string language(analysis::language_code(hit.record.language));
    data item;
    item.set("url", "/doc/" + hit.record.id + "?q=" + url_encode(request.query));
    item.set("title_html", parts_to_html(hit.title));
    item.set("snippet_html", parts_to_html(hit.snippet));
    item.set("lang", language);
    item.set("dir", text_direction(language));
    item.set("language_name", language_display_name(language, kUiLanguage));
    item.set("type_label", facet_value_label(Facet::kType, hit.record.type));
    item.set("organisation_label",
             facet_value_label(Facet::kOrganisation, hit.record.organisation));
    if (!hit.record.country.empty()) {
      item.set("country_name", country_display_name(hit.record.country, kUiLanguage));
    }
    item.set("year", std::to_string(hit.record.year));
    hits.push_back(item);
  }
  view.set("results", hits);

  data facets{data::type::list};
  data active{data::type::list};
  for (const auto& counts : results.facets) {
    if (counts.values.empty()) continue;
    data facet;
    facet.set("label", texts_.at("facet_" + std::string(schema::facet_name(counts.facet))));
    data values{data::type::list};
    for (const auto& value : counts.values) {
      search::SearchRequest toggled = request;
      toggled.page = 1;
      auto& selected = toggled.filters[counts.facet];
      if (value.selected) {
        std::erase(selected, value.value);
        if (selected.empty()) toggled.filters.erase(counts.facet);
      } else {
        selected.push_back(value.value);
      }
      data entry;
      entry.set("label", facet_value_label(counts.facet, value.value));
      entry.set("count", std::to_string(value.count));
      entry.set("url", search_url(toggled));
      if (value.selected) {
        entry.set("selected", data::type::bool_true);
        data chip;
        chip.set("label", facet_value_label(counts.facet, value.value));
        chip.set("remove_url", search_url(toggled));
        active.push_back(chip);
      }
      values.push_back(entry);
    }
    facet.set("values", values);
    facets.push_back(facet);
  }
  view.set("facets", facets);
  view.set("has_facets",
           data(results.facets.empty() ? data::type::bool_false : data::type::bool_true));
  if (!request.filters.empty()) {
    data active_block;
    active_block.set("active_filters", active);
    search::SearchRequest cleared = request;
    cleared.filters.clear();
    cleared.page = 1;
    active_block.set("clear_url", search_url(cleared));
    view.set("active", active_block);
  }

  data sorts{data::type::list};
  const std::pair<search::SortOrder, const char*> kSorts[] = {
      {search::SortOrder::kRelevance, "sort_relevance"},
      {search::SortOrder::kNewest, "sort_newest"},
      {search::SortOrder::kOldest, "sort_oldest"},
      {search::SortOrder::kTitle, "sort_title"}};
  for (const auto& [order, key] : kSorts) {
    search::SearchRequest sorted = request;
    sorted.sort = order;
    sorted.page = 1;
    data entry;
    entry.set("label", texts_.at(key));
    entry.set("url", search_url(sorted));
    if (order == request.sort) entry.set("current", data::type::bool_true);
    sorts.push_back(entry);
  }
  view.set("sorts", sorts);

  const uint64_t last_page = std::min<uint64_t>((results.total + request.size - 1) / request.size,
                                                search::kMaxResultDepth / request.size);
  if (last_page > 1) {
    data paging;
    search::SearchRequest other = request;
    if (request.page > 1) {
      other.page = request.page - 1;
      paging.set("prev_url", search_url(other));
    }
    if (request.page < last_page) {
      other.page = request.page + 1;
      paging.set("next_url", search_url(other));
    }
    std::string page_text = texts_.at("page_of");
    page_text.replace(page_text.find("{0}"), 3, std::to_string(request.page));
    page_text.replace(page_text.find("{1}"), 3, std::to_string(last_page));
    paging.set("page_text", page_text);
    view.set("paging", paging);
  }
  const std::string title = request.query.empty() ? texts_.at("search_button") : request.query;
  return render_page(templates_, texts_, title, "search", view, &request);
}

std::string HtmlRenderer::document_page(
    const schema::DocRecord& record, const std::vector<schema::DocRecord>& versions,
    const std::vector<std::vector<search::TextPart>>& paragraphs,
    const std::vector<search::TextPart>& title, const std::string& back_query) const {
  const std::string language(analysis::language_code(record.language));
  data view;
  view.set("title_html", parts_to_html(title));
  view.set("lang", language);
  view.set("dir", text_direction(language));
  view.set("back_url", "/search?q=" + url_encode(back_query));
  if (!record.summary.empty()) view.set("summary", record.summary);
  view.set("type_label", facet_value_label(Facet::kType, record.type));
  view.set("language_name", language_display_name(language, kUiLanguage));
  view.set("organisation_label", facet_value_label(Facet::kOrganisation, record.organisation));
  view.set("country_name", record.country.empty()
                               ? texts_.at("international")
                               : country_display_name(record.country, kUiLanguage));
  view.set("region_label", facet_value_label(Facet::kRegion, record.region));
  view.set("year", std::to_string(record.year));
  view.set("topics_text", joined_labels(Facet::kTopic, record.topics));
  if (!record.values.empty()) view.set("values_text", joined_labels(Facet::kValue, record.values));
  view.set("original_url", "/doc/" + record.id + "/original");
  view.set("original_name", record.original_name);
  data others{data::type::list};
  for (const auto& version : versions) {
    if (version.id == record.id) continue;
    const std::string version_language(analysis::language_code(version.language));
    data entry;
    entry.set("url", "/doc/" + version.id);
    entry.set("lang", version_language);
    entry.set("language_name", language_display_name(version_language, kUiLanguage));
    others.push_back(entry);
  }
  view.set("has_versions",
           data(versions.size() > 1 ? data::type::bool_true : data::type::bool_false));
  view.set("versions", others);
  data paragraph_list{data::type::list};
  for (const auto& parts : paragraphs) {
    data paragraph;
    paragraph.set("html", parts_to_html(parts));
    paragraph_list.push_back(paragraph);
  }
  view.set("paragraphs", paragraph_list);
  return render_page(templates_, texts_, record.title, "document", view, nullptr);
}

std::string HtmlRenderer::error_page(unsigned status, const std::string& message) const {
  data view;
  view.set("heading", texts_.at(status == 404 ? "not_found_title" : "error_title"));
  view.set("message", message);
  return render_page(templates_, texts_,
                     texts_.at(status == 404 ? "not_found_title" : "error_title"), "error", view,
                     nullptr);
}

}  // namespace jil::render
