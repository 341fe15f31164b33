// sitemap.xml (sitemaps.org protocol 0.9): the absolute URLs of the pages a crawler should visit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jil::render {

// The protocol's limit on URLs in one sitemap file; more are left out (a sitemap index would be
// needed beyond it).
inline constexpr size_t kMaxSitemapUrls = 50000;

// `paths` ("/doc/x", "/concept/y") joined to `base_url` ("http://host:port"), escaped.
std::string sitemap_xml(std::string_view base_url, const std::vector<std::string>& paths);

}  // namespace jil::render
