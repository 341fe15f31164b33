// The arguments of an OAI-PMH request (OAI-PMH 2.0 section 3.1.1): the URL's query of a GET or
// HEAD, or the body of a POST sent as application/x-www-form-urlencoded (3.1.1.2). Both are
// decoded by api/query_string.h, so a POST and a GET with the same arguments get the same
// answer. Used only by api/oai_pmh.cc.
#pragma once

#include <cstddef>
#include <string_view>

#include "api/http_types.h"
#include "api/query_string.h"
#include "base/status.h"

namespace jil::api {

// Longest form a POST may carry (bytes): what a GET's target may (server/searchd_options.h
// kMaxTargetBytes), so a POST says no more than a GET could. The edge refuses any body over
// kMaxBodyBytes (64 KiB) with 413 before it is read; between the two, badArgument.
inline constexpr size_t kMaxOaiFormBytes = 8 * 1024;
inline constexpr std::string_view kOaiFormMediaType = "application/x-www-form-urlencoded";

// The request's path and decoded arguments, in order. kInvalidArgument (an OAI badArgument)
// naming the fault when they cannot be read: a malformed percent-escape, invalid UTF-8, NUL,
// more than kMaxQueryParameters; and for a POST a Content-Type other than kOaiFormMediaType
// (in any case, with or without parameters such as charset=UTF-8), a form over
// kMaxOaiFormBytes, or a query in the URL: the protocol puts a POST's arguments in its body,
// and merging the two, or picking one, would answer a request the client did not make.
Result<ParsedTarget> oai_arguments(const HttpRequest& request);

}  // namespace jil::api
