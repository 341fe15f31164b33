// Implementation of feed_pages.h.
#include "api/feed_pages.h"

#include <algorithm>
#include <string>

#include "base/url_encoding.h"

namespace jil::api {
namespace {

// Appends name=value to a query string ("" or "?a=b"), both encoded again.
void add_parameter(std::string& query, std::string_view name, std::string_view value) {
  query.append(query.empty() ? "?" : "&")
      .append(url_encode(name))
      .append("=")
      .append(url_encode(value));
}

// The target of page `page`: the request's path and parameters (decoded by parse_target, encoded
// again here), without `page` for the first page.
std::string page_target(const ParsedTarget& target, uint64_t page) {
  std::string query;
  for (const auto& [name, value] : target.parameters) {
    if (name != "page") add_parameter(query, name, value);
  }
  if (page > 1) add_parameter(query, "page", std::to_string(page));
  return target.path + query;
}

}  // namespace

render::FeedPages feed_pages(const ParsedTarget& target, uint32_t page, uint32_t size,
                             uint64_t total, uint32_t max_depth) {
  render::FeedPages pages;
  if (size == 0) return pages;
  // The last page with entries, but not past the deepest page a request may ask for (the
  // search parameters refuse page * size > max_depth); 1 for an empty feed.
  const uint64_t with_entries = (total + size - 1) / size;
  const uint64_t last = std::max<uint64_t>(1, std::min<uint64_t>(with_entries, max_depth / size));
  if (last == 1 && page <= 1) return pages;  // one page: no paging
  pages.first = page_target(target, 1);
  if (page > 1) pages.previous = page_target(target, std::min<uint64_t>(page - 1, last));
  if (page < last) pages.next = page_target(target, uint64_t{page} + 1);
  return pages;
}

std::string feed_html_target(const ParsedTarget& target) {
  std::string query;
  for (const auto& [name, value] : target.parameters) {
    if (name != "page" && name != "size") add_parameter(query, name, value);
  }
  if (query.empty()) return "/";
  // A feed lists every language version unless told otherwise; the page, one result per work.
  if (target.parameters.count("versions") == 0) add_parameter(query, "versions", "all");
  return "/search" + query;
}

}  // namespace jil::api
