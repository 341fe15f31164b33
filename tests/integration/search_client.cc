// Implementation of search_client.h.
#include "search_client.h"

#include <gtest/gtest.h>

#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

// The API's largest page (search::kMaxPageSize).
constexpr int kLargestPage = 50;

}  // namespace

SearchPage search_page(const std::string& parameters) {
  SearchPage page;
  const HttpReply reply = http_get(environment().port(), "/api/v1/search?" + parameters);
  EXPECT_EQ(reply.error, "") << parameters;
  page.status = reply.status;
  page.body = nlohmann::json::parse(reply.body, nullptr, false);
  EXPECT_FALSE(page.body.is_discarded()) << "not JSON for " << parameters << ": " << reply.body;
  if (page.status == 200 && page.body.contains("results")) {
    for (const auto& result : page.body["results"]) page.ids.push_back(result.value("id", ""));
  }
  return page;
}

std::string query_parameters(std::string_view query, std::string_view more) {
  return "q=" + percent_encoded(query) + std::string(more);
}

std::set<std::string> search_ids(const std::string& parameters) {
  std::set<std::string> ids;
  for (int page_number = 1;; ++page_number) {
    // Every language version is a result of its own (the API collapses them by default).
    const SearchPage page =
        search_page(parameters + "&versions=all&size=" + std::to_string(kLargestPage) +
                    "&page=" + std::to_string(page_number));
    EXPECT_EQ(page.status, 200u) << parameters << " → " << page.body.dump();
    if (page.status != 200) return ids;
    ids.insert(page.ids.begin(), page.ids.end());
    const size_t total = page.body.value("total", size_t{0});
    if (page.ids.size() < static_cast<size_t>(kLargestPage) || ids.size() >= total) {
      EXPECT_EQ(ids.size(), total) << "pages of " << parameters << " do not add up to total";
      return ids;
    }
  }
}

std::set<std::string> ids_for(std::string_view query, std::string_view more) {
  return search_ids(query_parameters(query, more));
}

}  // namespace jil::integration
