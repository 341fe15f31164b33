// Builds the template data for each page and renders it with kainjow::mustache.
#include "render/html_view.h"

#include <algorithm>
#include <cctype>
#include <kainjow/mustache.hpp>
#include <map>

#include "base/file_io.h"
#include "base/url_encoding.h"
#include "render/citation.h"
#include "render/display_names.h"
#include "render/facet_labels.h"
#include "render/html_escape.h"
#include "render/json_view.h"
#include "schema/vocabulary.h"
#include "search/search_url.h"
#include "thesaurus/thesaurus.h"

namespace jil::render {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;
using schema::Facet;

constexpr size_t kMaxTemplateBytes = 256 * 1024;
constexpr const char* kTemplateNames[] = {"layout", "search",  "document",
                                          "error",  "concept", "gaps"};

// kainjow's set() and push_back() copy their argument, deeply for objects and lists, so a
// page's data was copied once for every level it is nested in (a third of a cached results
// page's CPU went to copying and freeing it). These move it in instead.
void put(data& object, const std::string& name, data&& value) { object[name] = std::move(value); }

void append(data& list, data&& value) {
  using Items = kainjow::mustache::basic_list<std::string>;
  // list_value() is kainjow's only access to a list's items; the list itself is not const.
  Items& items = const_cast<Items&>(list.list_value());
  if (items.size() == items.capacity()) {
    // basic_data's move constructor is not noexcept, so the vector's own growth would copy
    // every item (deeply); grown here, they are moved.
    Items grown;
    grown.reserve(std::max<size_t>(8, 2 * items.size()));
    for (data& item : items) grown.push_back(std::move(item));
    items.swap(grown);
  }
  items.push_back(std::move(value));
}

std::string search_url(const search::SearchRequest& request) {
  return "/search?" + search::to_query_string(request);
}

// The shown facet is a tree: it lists the top concepts, or the selected concepts and the
// concepts just below them.
bool concept_is_listed(const search::SearchRequest& request, const std::string& id) {
  const thesaurus::Thesaurus& thesaurus = thesaurus::Thesaurus::built_in();
  const auto selected = request.filters.find(Facet::kConcept);
  if (selected == request.filters.end()) {
    const thesaurus::Concept* entry = thesaurus.find(id);
    return entry && entry->broader.empty();
  }
  for (const std::string& chosen : selected->second) {
    if (chosen == id) return true;
    const thesaurus::Concept* entry = thesaurus.find(chosen);
    if (entry &&
        std::find(entry->narrower.begin(), entry->narrower.end(), id) != entry->narrower.end()) {
      return true;
    }
  }
  return false;
}

// A snippet for the results page: where the text breaks a line or a paragraph ("2. What is a
// conflict of interest\n\nA conflict arises …"), " · " shows the break that the page's flowing
// text would otherwise hide, so a heading does not read into the sentence after it.
std::string snippet_to_html(std::vector<search::TextPart> parts) {
  for (size_t index = 0; index < parts.size(); ++index) {
    search::TextPart& part = parts[index];
    if (part.match || part.text.find('\n') == std::string::npos) continue;
    std::string joined;
    for (size_t at = 0; at < part.text.size();) {
      if (part.text[at] != '\n' && part.text[at] != '\r') {
        joined += part.text[at++];
        continue;
      }
      // The whole run of white space around the break becomes one separator, unless the break
      // opens or closes the snippet.
      while (!joined.empty() && (joined.back() == ' ' || joined.back() == '\t')) joined.pop_back();
      while (at < part.text.size() && std::isspace(static_cast<unsigned char>(part.text[at]))) ++at;
      const bool text_before = !joined.empty() || index > 0;
      const bool text_after = at < part.text.size() || index + 1 < parts.size();
      if (text_before && text_after) joined += " · ";
    }
    part.text = std::move(joined);
  }
  return parts_to_html(parts);
}

// The text of `parts`, white space runs as single spaces, trimmed.
std::string plain_text(const std::vector<search::TextPart>& parts) {
  std::string text;
  for (const auto& part : parts) {
    for (const char c : part.text) {
      const bool space = std::isspace(static_cast<unsigned char>(c));
      if (!space) {
        text += c;
      } else if (!text.empty() && text.back() != ' ') {
        text += ' ';
      }
    }
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// How many of the text's first paragraphs repeat its title (the title itself, alone or opening
// the paragraph): at most the first three paragraphs are looked at.
size_t first_paragraph_past_title(const std::vector<std::vector<search::TextPart>>& paragraphs,
                                  const std::string& title) {
  constexpr size_t kTitleEchoParagraphs = 3;
  const std::string wanted = plain_text({{title, false}});
  if (wanted.empty()) return 0;
  for (size_t index = 0; index < std::min(paragraphs.size(), kTitleEchoParagraphs); ++index) {
    if (plain_text(paragraphs[index]).starts_with(wanted)) return index + 1;
  }
  return 0;
}

// parts_to_html, with id="first-match" on the first match; `anchored` is set once it is placed.
std::string parts_to_html_anchored(const std::vector<search::TextPart>& parts, bool& anchored) {
  std::string html;
  for (const auto& part : parts) {
    if (!part.match) {
      html += html_escaped(part.text);
    } else {
      html += anchored ? "<mark>" : "<mark id=\"first-match\">";
      html += html_escaped(part.text) + "</mark>";
      anchored = true;
    }
  }
  return html;
}

// The interface texts as template data ("t.search_button"). Keys with a dot (vocabulary labels)
// are left out: mustache would read them as paths.
data template_texts(const UiCatalog& catalog, std::string_view ui_language) {
  data texts;
  for (const auto& [key, value] : catalog.texts(ui_language)) {
    if (key.find('.') == std::string::npos) texts.set(key, value);
  }
  return texts;
}

}  // namespace

// The names every template of a language reads: t (the texts), ui_lang and ui_dir. Templates
// see them below each page's own data, as if every page data had them.
struct HtmlRenderer::LanguageData {
  data shared;
};

namespace {

HtmlRenderer::LanguageData language_data(const UiCatalog& catalog, std::string_view ui_language) {
  data shared;
  shared.set("t", template_texts(catalog, ui_language));
  shared.set("ui_lang", std::string(ui_language));
  shared.set("ui_dir", text_direction(ui_language));
  return {std::move(shared)};
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
  Result<UiCatalog> catalog = UiCatalog::load(web_directory / "i18n");
  if (!catalog.is_ok()) return catalog.status();
  renderer.catalog_ = std::move(catalog).value();
  auto languages = std::make_shared<std::map<std::string, LanguageData, std::less<>>>();
  for (std::string_view code : kUiLanguages) {
    languages->emplace(std::string(code), language_data(renderer.catalog_, code));
  }
  renderer.languages_ = std::move(languages);
  return renderer;
}

namespace {

// The parsed form of a template's text, parsed once per thread: parsing cost more than the
// rest of a results page. Keyed by the text, so renderers of other web directories never mix;
// per thread, because mustache::render keeps state in the object.
mustache& parsed(const std::string& text) {
  thread_local std::map<std::string, mustache, std::less<>> by_text;
  auto found = by_text.find(text);
  if (found == by_text.end()) found = by_text.emplace(text, mustache(text)).first;
  return found->second;
}

// `compiled` rendered with `own` on top of the language's shared names.
std::string render_over(mustache& compiled, const data& shared, const data& own) {
  kainjow::mustache::context<std::string> names{&shared};
  names.push(&own);
  return compiled.render(names);
}

// The shared names of a UI language.
const data& shared_names(
    const std::map<std::string, HtmlRenderer::LanguageData, std::less<>>& languages,
    std::string_view ui_language) {
  const auto found = languages.find(ui_language);
  JIL_CHECK(found != languages.end());  // callers pass one of kUiLanguages
  return found->second.shared;
}

// The switcher: this page in each UI language, each named in its own language.
data language_links(const UiCatalog& catalog, const PageContext& page) {
  const char separator = page.target.find('?') == std::string::npos ? '?' : '&';
  data links{data::type::list};
  for (std::string_view code : kUiLanguages) {
    data link;
    link.set("code", std::string(code));
    link.set("dir", text_direction(code));
    link.set("name", catalog.text(code, "language_name"));
    link.set("url", page.target + separator + "ui=" + std::string(code));
    if (code == page.ui_language) link.set("current", data::type::bool_true);
    append(links, std::move(link));
  }
  return links;
}

// Renders a content template, then the layout around it.
std::string render_page(const std::map<std::string, std::string>& templates,
                        const UiCatalog& catalog, const data& shared, const PageContext& page,
                        const std::string& title, const std::string& content_template,
                        const data& content, const search::SearchRequest* request,
                        const std::string& canonical_url = "") {
  data layout;
  layout.set("page_title", title);
  if (!canonical_url.empty()) layout.set("canonical_url", canonical_url);
  put(layout, "ui_languages", language_links(catalog, page));
  data hidden{data::type::list};
  if (request) {
    layout.set("query", request->query);
    for (const auto& [facet, values] : request->filters) {
      for (const auto& value : values) {
        data field;
        field.set("name", search::parameter_name(facet));
        field.set("value", value);
        append(hidden, std::move(field));
      }
    }
    for (const auto& [name, year] :
         {std::pair{"year_from", request->year_from}, std::pair{"year_to", request->year_to}}) {
      if (year == 0) continue;
      data field;
      field.set("name", name);
      field.set("value", std::to_string(year));
      append(hidden, std::move(field));
    }
    if (!request->collapse_translations) {
      data field;
      field.set("name", "versions");
      field.set("value", "all");
      append(hidden, std::move(field));
    }
  }
  put(layout, "hidden_filters", std::move(hidden));
  layout.set("content", render_over(parsed(templates.at(content_template)), shared, content));
  return render_over(parsed(templates.at("layout")), shared, layout);
}

}  // namespace

std::string HtmlRenderer::search_page(const PageContext& page, const search::SearchRequest& request,
                                      const search::SearchResults& results,
                                      const std::string& error) const {
  const FacetLabels labels(catalog_, page.ui_language);
  data view;
  if (!error.empty()) view.set("error", error);
  view.set("total_text", catalog_.format(page.ui_language,
                                         // How versions are shown says nothing about no results.
                                         request.collapse_translations && results.total > 0
                                             ? "results_count_works"
                                             : "results_count",
                                         {{"count", static_cast<int64_t>(results.total)}}));
  // Ordering, or showing every version of, no results changes nothing: offered with results only.
  if (results.total > 0) {
    view.set("has_results", data::type::bool_true);
    // One result per work, or every language version: a link to the other way.
    search::SearchRequest other_way = request;
    other_way.page = 1;
    other_way.collapse_translations = !request.collapse_translations;
    data toggle;
    toggle.set("url", search_url(other_way));
    toggle.set("text", labels.text(request.collapse_translations ? "versions_show_all"
                                                                 : "versions_show_collapsed"));
    put(view, "versions_toggle", std::move(toggle));
  }
  if (!results.suggestion.empty()) {
    search::SearchRequest corrected = request;
    corrected.query = results.suggestion;
    corrected.page = 1;
    data suggestion;
    suggestion.set("url", search_url(corrected));
    suggestion.set("query", results.suggestion);
    put(view, "suggestion", std::move(suggestion));
  }
  view.set("relaxed", data(results.relaxed ? data::type::bool_true : data::type::bool_false));
  view.set("no_results", data(results.total == 0 ? data::type::bool_true : data::type::bool_false));
  data hits{data::type::list};
  for (const auto& hit : results.hits) {
    const std::string language(analysis::language_code(hit.record.language));
    data item;
    // The search rides along, so that the document page's way back returns to this very page.
    item.set("url", "/doc/" + hit.record.id + "?" + search::to_query_string(request));
    item.set("title_html", parts_to_html(hit.title));
    item.set("snippet_html", snippet_to_html(hit.snippet));
    item.set("lang", html_lang(hit.record));
    item.set("dir", text_direction(language));
    item.set("language_name", labels.value(Facet::kLanguage, language));
    item.set("type_label", labels.value(Facet::kType, hit.record.type));
    item.set("organisation_label", labels.value(Facet::kOrganisation, hit.record.organisation));
    if (!hit.record.country.empty()) {
      item.set("country_name", labels.value(Facet::kCountry, hit.record.country));
    }
    item.set("year", std::to_string(hit.record.year));
    item.set("available_in", labels.joined(Facet::kLanguage, hit.work_languages));
    if (hit.page > 0) {
      item.set("page_url", "/doc/" + hit.record.id + "/original#page=" + std::to_string(hit.page));
      item.set("page_text", catalog_.format(page.ui_language, "page_of_hit",
                                            {{"page", static_cast<int64_t>(hit.page)}}));
    }
    if (std::find(hit.work_languages.begin(), hit.work_languages.end(), page.ui_language) ==
        hit.work_languages.end()) {
      item.set("not_in_ui_language", data::type::bool_true);
    }
    if (!hit.other_versions.empty()) {
      data others{data::type::list};
      for (const auto& version : hit.other_versions) {
        data entry;
        entry.set("url", "/doc/" + version.id + "?" + search::to_query_string(request));
        entry.set("lang", version.language);
        entry.set("language_name", labels.value(Facet::kLanguage, version.language));
        append(others, std::move(entry));
      }
      data block;
      put(block, "links", std::move(others));
      put(item, "other_versions", std::move(block));
    }
    append(hits, std::move(item));
  }
  put(view, "results", std::move(hits));
  if (!results.concepts.empty() || results.other_language_total > 0) {
    data across;
    across.set("concepts", labels.joined(Facet::kConcept, results.concepts));
    if (!results.concepts.empty()) across.set("has_concepts", data::type::bool_true);
    if (results.other_language_total > 0) {
      across.set("other_text",
                 catalog_.format(page.ui_language, "results_other_languages",
                                 {{"count", static_cast<int64_t>(results.other_language_total)}}));
      search::SearchRequest home_only = request;
      home_only.page = 1;
      home_only.filters[Facet::kLanguage] = {page.ui_language};
      across.set("home_only_url", search_url(home_only));
    }
    // Searching across languages finds other words for the query's; a listing has none.
    if (request.query.find_first_not_of(" \t\r\n") != std::string::npos) {
      search::SearchRequest flipped = request;
      flipped.page = 1;
      flipped.cross_language = !request.cross_language;
      across.set("toggle_url", search_url(flipped));
      across.set("toggle_text",
                 labels.text(request.cross_language ? "cross_language_off" : "cross_language_on"));
    }
    put(view, "across", std::move(across));
  }

  data facets{data::type::list};
  data active{data::type::list};
  for (const auto& counts : results.facets) {
    if (counts.values.empty()) continue;
    data facet;
    facet.set("label", labels.text("facet_" + std::string(schema::facet_name(counts.facet))));
    data values{data::type::list};
    for (const auto& value : counts.values) {
      if (counts.facet == Facet::kConcept && !concept_is_listed(request, value.value)) continue;
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
      entry.set("label", labels.listed(counts.facet, value.value));
      entry.set("count", labels.number(value.count));
      entry.set("url", search_url(toggled));
      if (value.selected) {
        entry.set("selected", data::type::bool_true);
        data chip;
        chip.set("label", labels.listed(counts.facet, value.value));
        chip.set("remove_url", search_url(toggled));
        append(active, std::move(chip));
      }
      append(values, std::move(entry));
    }
    put(facet, "values", std::move(values));
    append(facets, std::move(facet));
  }
  put(view, "facets", std::move(facets));
  view.set("has_facets",
           data(results.facets.empty() ? data::type::bool_false : data::type::bool_true));
  if (request.year_from > 0 || request.year_to > 0) {
    search::SearchRequest unbounded = request;
    unbounded.year_from = 0;
    unbounded.year_to = 0;
    unbounded.page = 1;
    data chip;
    const std::string from = std::to_string(request.year_from);
    const std::string to = std::to_string(request.year_to);
    chip.set("label", request.year_from > 0 && request.year_to > 0
                          ? from + "–" + to
                          : (request.year_from > 0 ? labels.text("years_from") + " " + from
                                                   : labels.text("years_to") + " " + to));
    chip.set("remove_url", search_url(unbounded));
    append(active, std::move(chip));
  }
  // The year range form: a GET form that keeps every other parameter as hidden fields.
  data years;
  if (request.year_from > 0) years.set("from", std::to_string(request.year_from));
  if (request.year_to > 0) years.set("to", std::to_string(request.year_to));
  data kept{data::type::list};
  const auto keep = [&kept](const std::string& name, const std::string& value) {
    data field;
    field.set("name", name);
    field.set("value", value);
    append(kept, std::move(field));
  };
  keep("q", request.query);
  for (const auto& [facet, values] : request.filters) {
    for (const auto& value : values) keep(search::parameter_name(facet), value);
  }
  if (!request.cross_language) keep("cross", "0");
  if (!request.collapse_translations) keep("versions", "all");
  if (request.sort != search::SortOrder::kRelevance) {
    keep("sort", request.sort == search::SortOrder::kNewest   ? "newest"
                 : request.sort == search::SortOrder::kOldest ? "oldest"
                                                              : "title");
  }
  if (request.size != search::kDefaultPageSize) keep("size", std::to_string(request.size));
  put(years, "kept", std::move(kept));
  put(view, "years", std::move(years));
  if (!request.filters.empty() || request.year_from > 0 || request.year_to > 0) {
    data active_block;
    put(active_block, "active_filters", std::move(active));
    search::SearchRequest cleared = request;
    cleared.filters.clear();
    cleared.year_from = 0;
    cleared.year_to = 0;
    cleared.page = 1;
    active_block.set("clear_url", search_url(cleared));
    put(view, "active", std::move(active_block));
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
    entry.set("label", labels.text(key));
    entry.set("url", search_url(sorted));
    if (order == request.sort) entry.set("current", data::type::bool_true);
    append(sorts, std::move(entry));
  }
  put(view, "sorts", std::move(sorts));

  const uint64_t last_page = std::min<uint64_t>((results.total + request.size - 1) / request.size,
                                                search::kMaxResultDepth / request.size);
  search::SearchRequest other = request;
  if (results.total > 0 && request.page > last_page) {
    // A page past the end (an old link, a shorter result list since): say so, and lead to the
    // last page instead of showing "Page 99 of 2" over an empty list.
    data past_end;
    past_end.set("text", catalog_.format(page.ui_language, "past_last_page",
                                         {{"page", static_cast<int64_t>(request.page)},
                                          {"pages", static_cast<int64_t>(last_page)}}));
    other.page = static_cast<uint32_t>(last_page);
    past_end.set("url", search_url(other));
    put(view, "past_end", std::move(past_end));
  } else if (last_page > 1) {
    data paging;
    if (request.page > 1) {
      other.page = request.page - 1;
      paging.set("prev_url", search_url(other));
    }
    if (request.page < last_page) {
      other.page = request.page + 1;
      paging.set("next_url", search_url(other));
    }
    paging.set("page_text", catalog_.format(page.ui_language, "page_of",
                                            {{"page", static_cast<int64_t>(request.page)},
                                             {"pages", static_cast<int64_t>(last_page)}}));
    put(view, "paging", std::move(paging));
  }
  const std::string title = request.query.empty() ? labels.text("search_button") : request.query;
  return render_page(templates_, catalog_, shared_names(*languages_, page.ui_language), page, title,
                     "search", view, &request);
}

std::string HtmlRenderer::document_page(const PageContext& page,
                                        const DocumentPageData& document) const {
  const schema::DocRecord& record = document.record;
  const FacetLabels labels(catalog_, page.ui_language);
  const std::string language(analysis::language_code(record.language));
  data view;
  view.set("title_html", parts_to_html(document.title));
  view.set("lang", html_lang(record));
  view.set("dir", text_direction(language));
  view.set("back_url", "/search?" + search::to_query_string(document.back_search));
  if (!record.summary.empty()) view.set("summary", record.summary);
  view.set("type_label", labels.value(Facet::kType, record.type));
  view.set("language_name", labels.value(Facet::kLanguage, language));
  view.set("organisation_label", labels.value(Facet::kOrganisation, record.organisation));
  view.set("country_name", record.country.empty() ? labels.text("international")
                                                  : labels.value(Facet::kCountry, record.country));
  view.set("region_label", labels.value(Facet::kRegion, record.region));
  view.set("year", std::to_string(record.year));
  view.set("topics_text", labels.joined(Facet::kTopic, record.topics));
  if (!record.values.empty()) view.set("values_text", labels.joined(Facet::kValue, record.values));
  view.set("original_url", "/doc/" + record.id + "/original");
  view.set("original_name", record.original_name);
  data others{data::type::list};
  for (const auto& version : document.versions) {
    if (version.id == record.id) continue;
    const std::string version_language(analysis::language_code(version.language));
    data entry;
    entry.set("url", "/doc/" + version.id);
    entry.set("lang", html_lang(version));
    entry.set("language_name", labels.value(Facet::kLanguage, version_language));
    append(others, std::move(entry));
  }
  view.set("has_versions",
           data(document.versions.size() > 1 ? data::type::bool_true : data::type::bool_false));
  put(view, "versions", std::move(others));
  data paragraph_list{data::type::list};
  // The first match gets the anchor the "first match" link points to; most texts open with their
  // title, already shown above, so a match there gets it only when the text has no other.
  const size_t anchor_from = first_paragraph_past_title(document.paragraphs, record.title);
  bool anchored = false;
  std::vector<std::string> html(document.paragraphs.size());
  for (size_t index = anchor_from; index < document.paragraphs.size(); ++index) {
    const auto& parts = document.paragraphs[index];
    html[index] = anchored ? parts_to_html(parts) : parts_to_html_anchored(parts, anchored);
  }
  for (size_t index = 0; index < std::min(anchor_from, html.size()); ++index) {
    // Anchored here only when the title's words are the text's only matches.
    const auto& parts = document.paragraphs[index];
    html[index] = anchored ? parts_to_html(parts) : parts_to_html_anchored(parts, anchored);
  }
  for (std::string& paragraph_html : html) {
    data paragraph;
    paragraph.set("html", std::move(paragraph_html));
    append(paragraph_list, std::move(paragraph));
  }
  put(view, "paragraphs", std::move(paragraph_list));
  if (anchored) view.set("first_match", data::type::bool_true);
  // The citation, in the interface language's labels; the exports in English (citation_routes).
  view.set("citation",
           citation_line({record, labels.value(Facet::kOrganisation, record.organisation),
                          labels.value(Facet::kType, record.type), document.permanent_url}));
  view.set("permanent_url", document.permanent_url);
  view.set("ris_url", "/doc/" + record.id + "/cite.ris");
  view.set("bibtex_url", "/doc/" + record.id + "/cite.bib");
  data related{data::type::list};
  for (const auto& other : document.related) {
    const std::string other_language(analysis::language_code(other.language));
    data entry;
    entry.set("url", "/doc/" + other.id);
    entry.set("title", other.title);
    entry.set("lang", html_lang(other));
    entry.set("dir", text_direction(other_language));
    entry.set("language_name", labels.value(Facet::kLanguage, other_language));
    entry.set("year", std::to_string(other.year));
    append(related, std::move(entry));
  }
  put(view, "related", std::move(related));
  view.set("has_related",
           data(document.related.empty() ? data::type::bool_false : data::type::bool_true));
  return render_page(templates_, catalog_, shared_names(*languages_, page.ui_language), page,
                     record.title, "document", view, &document.back_search, document.permanent_url);
}

std::string HtmlRenderer::concept_page(const PageContext& page, const thesaurus::Concept* shown,
                                       const std::map<std::string, Xapian::doccount>& counts,
                                       const search::SearchResults& documents) const {
  const thesaurus::Thesaurus& thesaurus = thesaurus::Thesaurus::built_in();
  const FacetLabels labels(catalog_, page.ui_language);
  auto count_of = [&](const std::string& id) {
    const auto found = counts.find(id);
    return labels.number(found == counts.end() ? 0 : found->second);
  };
  auto link = [&](const std::string& id) {
    data entry;
    entry.set("url", "/concept/" + id);
    entry.set("label", labels.value(Facet::kConcept, id));
    entry.set("count", count_of(id));
    return entry;
  };
  data view;
  const std::vector<std::string> below = shown ? shown->narrower : thesaurus.top_concepts();
  data narrower{data::type::list};
  for (const std::string& id : below) {
    data entry = link(id);
    if (!shown) {  // the overview shows two levels
      data children{data::type::list};
      for (const std::string& child : thesaurus.find(id)->narrower) append(children, link(child));
      put(entry, "children", std::move(children));
      entry.set("has_children", data(thesaurus.find(id)->narrower.empty() ? data::type::bool_false
                                                                          : data::type::bool_true));
    }
    append(narrower, std::move(entry));
  }
  put(view, "narrower", std::move(narrower));
  view.set("has_narrower", data(below.empty() ? data::type::bool_false : data::type::bool_true));
  // The overview's list is the page itself, under its own heading: no second "Concepts".
  if (shown) view.set("narrower_heading", labels.text("concept_narrower"));
  const std::string title =
      shown ? labels.value(Facet::kConcept, shown->id) : labels.text("concepts_heading");
  view.set("label", title);
  if (shown) {
    std::vector<std::string> chain;  // first broader path, top first
    for (const thesaurus::Concept* up = shown; !up->broader.empty();) {
      up = thesaurus.find(up->broader.front());
      chain.insert(chain.begin(), up->id);
    }
    data ancestors{data::type::list};
    for (const std::string& id : chain) append(ancestors, link(id));
    put(view, "ancestors", std::move(ancestors));
    view.set("has_ancestors", data::type::bool_true);
    const auto reader = analysis::parse_language(page.ui_language);
    analysis::Language note_language = analysis::Language::kEn;
    const std::string& note =
        shown->scope_in(reader ? *reader : analysis::Language::kEn, &note_language);
    if (!note.empty()) {
      // In the reader's language where the thesaurus has it, else in English, marked as such.
      const std::string note_code(analysis::language_code(note_language));
      data scope;
      scope.set("text", note);
      scope.set("lang", note_code);
      scope.set("dir", text_direction(note_code));
      put(view, "scope", std::move(scope));
    }
    const auto found = counts.find(shown->id);
    view.set("documents_text",
             catalog_.format(
                 page.ui_language, "results_count",
                 {{"count", static_cast<int64_t>(found == counts.end() ? 0 : found->second)}}));
    // Every language version, so that the search finds the documents the count above says.
    view.set("search_url", "/search?q=&concept=" + url_encode(shown->id) + "&versions=all");
    data related{data::type::list};
    for (const std::string& id : shown->related) append(related, link(id));
    put(view, "related", std::move(related));
    view.set("has_related",
             data(shown->related.empty() ? data::type::bool_false : data::type::bool_true));
    data label_list{data::type::list};
    for (const auto& [language, names] : shown->labels) {
      const std::string code(analysis::language_code(language));
      for (const std::string& name : names) {
        data entry;
        entry.set("text", name);
        entry.set("lang", code);
        entry.set("dir", text_direction(code));
        append(label_list, std::move(entry));
      }
    }
    put(view, "labels", std::move(label_list));
    view.set("has_labels", data::type::bool_true);
  }
  data hits{data::type::list};
  for (const auto& hit : documents.hits) {
    const std::string language(analysis::language_code(hit.record.language));
    data item;
    item.set("url", "/doc/" + hit.record.id);
    item.set("title", hit.record.title);
    item.set("lang", html_lang(hit.record));
    item.set("dir", text_direction(language));
    item.set("language_name", labels.value(Facet::kLanguage, language));
    item.set("year", std::to_string(hit.record.year));
    append(hits, std::move(item));
  }
  put(view, "documents", std::move(hits));
  view.set("has_documents",
           data(documents.hits.empty() ? data::type::bool_false : data::type::bool_true));
  return render_page(templates_, catalog_, shared_names(*languages_, page.ui_language), page, title,
                     "concept", view, nullptr);
}

std::string HtmlRenderer::gaps_page(const PageContext& page,
                                    const std::vector<search::WorkSummary>& works,
                                    const std::vector<std::string>& languages) const {
  const FacetLabels labels(catalog_, page.ui_language);
  data rows{data::type::list};
  for (const search::WorkSummary& work : works) {
    std::vector<std::string> present;
    for (const auto& version : work.versions) present.push_back(version.language);
    std::vector<std::string> missing;
    for (const std::string& language : languages) {
      if (std::find(present.begin(), present.end(), language) == present.end()) {
        missing.push_back(language);
      }
    }
    if (missing.empty() || work.versions.empty()) continue;
    // The title in the reader's language when the work has it, else its first version's.
    const search::WorkVersion* shown = &work.versions.front();
    for (const auto& version : work.versions) {
      if (version.language == page.ui_language) shown = &version;
    }
    data row;
    row.set("title", shown->title);
    row.set("url", "/doc/" + shown->id);
    row.set("lang", shown->language);
    row.set("dir", text_direction(shown->language));
    row.set("available", labels.joined(Facet::kLanguage, present));
    row.set("missing", labels.joined(Facet::kLanguage, missing));
    append(rows, std::move(row));
  }
  data view;
  put(view, "works", std::move(rows));
  return render_page(templates_, catalog_, shared_names(*languages_, page.ui_language), page,
                     labels.text("gaps_heading"), "gaps", view, nullptr);
}

std::string HtmlRenderer::error_page(const PageContext& page, unsigned status,
                                     const std::string& message, const std::string& detail) const {
  const std::string& heading =
      catalog_.text(page.ui_language, status == 404 ? "not_found_title" : "error_title");
  data view;
  view.set("heading", heading);
  view.set("message", message);
  if (!detail.empty() && detail != message) view.set("detail", detail);
  return render_page(templates_, catalog_, shared_names(*languages_, page.ui_language), page,
                     heading, "error", view, nullptr);
}

}  // namespace jil::render
