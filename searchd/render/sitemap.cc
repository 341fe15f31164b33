// Implementation of sitemap.h.
#include "render/sitemap.h"

#include "render/xml_escape.h"

namespace jil::render {

std::string sitemap_xml(std::string_view base_url, const std::vector<std::string>& paths) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  size_t written = 0;
  for (const std::string& path : paths) {
    if (written++ == kMaxSitemapUrls) break;
    xml += "  <url><loc>" + xml_escaped(std::string(base_url) + path) + "</loc></url>\n";
  }
  xml += "</urlset>\n";
  return xml;
}

}  // namespace jil::render
