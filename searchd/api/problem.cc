// Implementation of problem.h.
#include "api/problem.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>

#include "render/json_text.h"

namespace jil::api {
namespace {

const char* title_for(unsigned http_status) {
  switch (http_status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 416:
      return "Range Not Satisfiable";
    case 417:
      return "Expectation Failed";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return "Internal Server Error";
  }
}

}  // namespace

unsigned http_status_for(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
    case StatusCode::kLimitExceeded:
    case StatusCode::kUnsupported:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kUnavailable:
    case StatusCode::kLocked:
    case StatusCode::kIncompatible:  // until the index is rebuilt
      return 503;
    case StatusCode::kCorrupt:
    case StatusCode::kIoError:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

std::string new_request_id() {
  thread_local std::mt19937_64 generator{(static_cast<uint64_t>(std::random_device{}()) << 32) ^
                                         std::random_device{}()};
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(generator()));
  return text;
}

HttpResponse problem_response(unsigned http_status, const std::string& detail) {
  return problem_response(http_status, detail, new_request_id());
}

HttpResponse problem_response(unsigned http_status, const std::string& detail,
                              const std::string& request_id) {
  HttpResponse response;
  response.status = http_status;
  response.content_type = "application/problem+json; charset=utf-8";
  const nlohmann::json body = {
      {"type", "about:blank"}, {"title", title_for(http_status)}, {"status", http_status},
      {"detail", detail},      {"request_id", request_id},
  };
  response.body = render::json_text(body);
  return response;
}

HttpResponse problem_response(const Status& status) {
  const unsigned http_status = http_status_for(status.code());
  const std::string request_id = new_request_id();
  if (http_status != 500) return problem_response(http_status, status.message(), request_id);
  // Server-side failures say what happened in general, not where: details go to the log.
  std::fprintf(stderr, "jil-searchd: request %s failed: %s\n", request_id.c_str(),
               status.message().c_str());
  return problem_response(http_status, kServerFailureDetail, request_id);
}

}  // namespace jil::api
