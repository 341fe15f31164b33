// Implementation of search_parameters.h.
#include "api/search_parameters.h"

#include <charconv>
#include <utility>

#include "api/typed_digits.h"
#include "schema/vocabulary.h"
#include "search/search_url.h"
#include "thesaurus/thesaurus.h"

namespace jil::api {
namespace {

using schema::Facet;

Result<uint32_t> parse_number(const std::string& name, const std::string& text, uint32_t low,
                              uint32_t high, uint32_t fallback) {
  if (text.empty()) return fallback;
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return invalid_argument("parameter '" + name + "' must be a whole number from " +
                            std::to_string(low) + " to " + std::to_string(high));
  }
  return static_cast<uint32_t>(value);
}

Status check_filter_value(Facet facet, const std::string& value) {
  const std::string name(schema::facet_name(facet));
  if (facet == Facet::kCountry) {
    return schema::is_country_code(value)
               ? Status::ok()
               : invalid_argument("parameter 'country': '" + value +
                                  "' is not an ISO 3166-1 alpha-2 code such as FR");
  }
  if (facet == Facet::kYear) {
    const bool four_digits =
        value.size() == 4 && value.find_first_not_of("0123456789") == std::string::npos;
    return four_digits ? Status::ok()
                       : invalid_argument("parameter 'year': '" + value + "' is not a year");
  }
  if (facet == Facet::kConcept) {
    if (thesaurus::Thesaurus::built_in().find(value)) return Status::ok();
    return invalid_argument("parameter 'concept': unknown concept '" + value +
                            "' (see /api/v1/concepts)");
  }
  if (!schema::Vocabulary::built_in().contains(facet, value)) {
    return invalid_argument("parameter '" + search::parameter_name(facet) + "': unknown value '" +
                            value + "'");
  }
  return Status::ok();
}

// A year bound: empty → 0 (no bound), else exactly four digits.
Result<int> parse_year_bound(const std::string& name, const std::string& typed) {
  const std::string text = with_ascii_digits(typed);  // "٢٠١٥" is 2015
  if (text.empty()) return 0;
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos ||
      text[0] == '0') {
    return invalid_argument("parameter '" + name +
                            "' must be a year of four digits such as 2015, not '" + typed + "'");
  }
  return std::stoi(text);
}

}  // namespace

void put_years_in_order(ParsedTarget& target) {
  const auto from = target.parameters.find("year_from");
  const auto to = target.parameters.find("year_to");
  if (from == target.parameters.end() || to == target.parameters.end()) return;
  const Result<int> first = parse_year_bound("year_from", from->second);
  const Result<int> last = parse_year_bound("year_to", to->second);
  if (first.is_ok() && last.is_ok() && *first > 0 && *last > 0 && *first > *last) {
    std::swap(from->second, to->second);
  }
}

Result<search::SearchRequest> parse_search_parameters(const ParsedTarget& target,
                                                      uint32_t default_size) {
  search::SearchRequest request;
  request.query = target.first("q");
  for (Facet facet : schema::all_facets()) {
    std::vector<std::string> values = target.all(search::parameter_name(facet));
    std::erase(values, std::string());
    if (values.empty()) continue;
    if (values.size() > search::kMaxFilterValues) {
      return invalid_argument("parameter '" + search::parameter_name(facet) +
                              "' is given more than " + std::to_string(search::kMaxFilterValues) +
                              " times");
    }
    for (const auto& value : values) {
      if (Status status = check_filter_value(facet, value); !status.is_ok()) return status;
    }
    request.filters[facet] = std::move(values);
  }
  // The words are analysed alike with or without a language selected (all languages' stems):
  // the language facet counted each language's results under that analysis, and selecting one
  // must find exactly the results it counted.
  Result<uint32_t> size =
      parse_number("size", target.first("size"), 1, search::kMaxPageSize, default_size);
  if (!size.is_ok()) return size.status();
  request.size = *size;
  Result<uint32_t> page =
      parse_number("page", target.first("page"), 1, search::kMaxResultDepth / request.size, 1);
  if (!page.is_ok()) return page.status();
  request.page = *page;
  const std::string home = target.first("hl");
  if (!home.empty()) {
    const std::optional<analysis::Language> language = analysis::parse_language(home);
    if (!language || *language == analysis::Language::kUnd) {
      return invalid_argument("parameter 'hl' must be one of ar, en, es, fr, ru, zh");
    }
    request.home_language = *language;
  }
  Result<int> year_from = parse_year_bound("year_from", target.first("year_from"));
  if (!year_from.is_ok()) return year_from.status();
  Result<int> year_to = parse_year_bound("year_to", target.first("year_to"));
  if (!year_to.is_ok()) return year_to.status();
  if (*year_from > 0 && *year_to > 0 && *year_from > *year_to) {
    return invalid_argument("parameter 'year_from' (" + std::to_string(*year_from) +
                            ") must not be after 'year_to' (" + std::to_string(*year_to) + ")");
  }
  request.year_from = *year_from;
  request.year_to = *year_to;
  const std::string cross = target.first("cross");
  if (cross == "0" || cross == "false") {
    request.cross_language = false;
  } else if (!cross.empty() && cross != "1" && cross != "true") {
    return invalid_argument("parameter 'cross' must be 0, 1, false or true");
  }
  const std::string versions = target.first("versions");
  if (versions.empty() || versions == "collapsed") {
    request.collapse_translations = true;
  } else if (versions == "all") {
    request.collapse_translations = false;
  } else {
    return invalid_argument("parameter 'versions' must be collapsed or all");
  }
  const std::string sort = target.first("sort");
  if (sort.empty() || sort == "relevance") {
    request.sort = search::SortOrder::kRelevance;
  } else if (sort == "newest") {
    request.sort = search::SortOrder::kNewest;
  } else if (sort == "oldest") {
    request.sort = search::SortOrder::kOldest;
  } else if (sort == "title") {
    request.sort = search::SortOrder::kTitle;
  } else {
    return invalid_argument("parameter 'sort' must be relevance, newest, oldest or title");
  }
  return request;
}

}  // namespace jil::api
