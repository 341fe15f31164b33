// Implementation of problem.h.
#include "api/problem.h"

#include <nlohmann/json.hpp>

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
      return 503;
    case StatusCode::kCorrupt:
    case StatusCode::kIoError:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

HttpResponse problem_response(unsigned http_status, const std::string& detail) {
  HttpResponse response;
  response.status = http_status;
  response.content_type = "application/problem+json; charset=utf-8";
  const nlohmann::json body = {
      {"type", "about:blank"},
      {"title", title_for(http_status)},
      {"status", http_status},
      {"detail", detail},
  };
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

HttpResponse problem_response(const Status& status) {
  const unsigned http_status = http_status_for(status.code());
  // Server-side failures say what happened in general, not where: details go to the log.
  const std::string detail =
      http_status == 500 ? "the server failed to answer this request" : status.message();
  return problem_response(http_status, detail);
}

}  // namespace jil::api
