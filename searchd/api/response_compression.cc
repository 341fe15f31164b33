// Implementation of response_compression.h with Poco's gzip stream (zlib underneath).
#include "api/response_compression.h"

#include <Poco/DeflatingStream.h>

#include <algorithm>
#include <array>
#include <sstream>
#include <string>

#include "api/header_text.h"

namespace jil::api {
namespace {

// The q-value of one Accept-Encoding item ("gzip;q=0.5"): 1 when absent, 0 when unreadable.
double quality_of(std::string_view parameters) {
  while (!parameters.empty()) {
    const size_t semicolon = parameters.find(';');
    std::string_view parameter = without_ows(parameters.substr(0, semicolon));
    if (parameter.size() >= 2 && (parameter[0] == 'q' || parameter[0] == 'Q') &&
        parameter[1] == '=') {
      const std::string value(without_ows(parameter.substr(2)));
      try {
        size_t used = 0;
        const double quality = std::stod(value, &used);
        return used == value.size() && quality >= 0 && quality <= 1 ? quality : 0;
      } catch (const std::exception&) {
        return 0;
      }
    }
    if (semicolon == std::string_view::npos) break;
    parameters.remove_prefix(semicolon + 1);
  }
  return 1;
}

bool compressible_type(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  // text/xml is OAI-PMH's type (render/oai_pmh_xml.h): a ListRecords page is about 77 KB.
  static constexpr std::array<std::string_view, 11> kTypes = {"text/html",
                                                              "text/css",
                                                              "text/plain",
                                                              "text/javascript",
                                                              "text/xml",
                                                              "application/json",
                                                              "application/problem+json",
                                                              "application/javascript",
                                                              "image/svg+xml",
                                                              "application/xml",
                                                              "application/atom+xml"};
  return std::find(kTypes.begin(), kTypes.end(), without_ows(content_type)) != kTypes.end() ||
         content_type.ends_with("+xml");
}

std::string gzipped(const std::string& body) {
  std::ostringstream out;
  {
    Poco::DeflatingOutputStream gzip(out, Poco::DeflatingStreamBuf::STREAM_GZIP, kGzipLevel);
    gzip.write(body.data(), static_cast<std::streamsize>(body.size()));
    gzip.close();
  }
  return std::move(out).str();
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  double gzip = -1;  // -1: not named
  double any = -1;
  while (!accept_encoding.empty()) {
    const size_t comma = accept_encoding.find(',');
    const std::string_view item = without_ows(accept_encoding.substr(0, comma));
    const size_t semicolon = item.find(';');
    const std::string_view coding = without_ows(item.substr(0, semicolon));
    const double quality =
        semicolon == std::string_view::npos ? 1 : quality_of(item.substr(semicolon + 1));
    if (equals_ignoring_case(coding, "gzip") || equals_ignoring_case(coding, "x-gzip")) {
      gzip = std::max(gzip, quality);
    } else if (coding == "*") {
      any = std::max(any, quality);
    }
    if (comma == std::string_view::npos) break;
    accept_encoding.remove_prefix(comma + 1);
  }
  return gzip >= 0 ? gzip > 0 : any > 0;
}

void compress_if_accepted(const HttpRequest& request, HttpResponse& response) {
  // Byte ranges are of the file's own bytes: never a 206, a 416 or a file that offers ranges.
  if (!compressible_type(response.content_type) || response.header("Content-Disposition") ||
      response.header("Content-Encoding") || response.header("Accept-Ranges") ||
      response.status == 206 || response.status == 416) {
    return;
  }
  const std::string* vary = response.header("Vary");
  if (vary == nullptr || vary->find("Accept-Encoding") == std::string::npos) {
    response.set_header("Vary", vary == nullptr || vary->empty() ? std::string("Accept-Encoding")
                                                                 : *vary + ", Accept-Encoding");
  }
  if (response.body.size() < kMinCompressedBytes || response.body.size() > kMaxCompressedBytes ||
      !accepts_gzip(request.accept_encoding)) {
    return;
  }
  response.body = gzipped(response.body);
  response.set_header("Content-Encoding", "gzip");
  for (auto& [name, value] : response.headers) {
    if (name == "ETag" && value.size() >= 2 && value.back() == '"') {
      value.insert(value.size() - 1, "-gzip");
    }
  }
}

}  // namespace jil::api
