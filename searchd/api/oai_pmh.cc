// Implementation of oai_pmh.h.
#include "api/oai_pmh.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <set>

#include "api/header_text.h"
#include "api/oai_items.h"
#include "api/oai_request.h"
#include "api/oai_token.h"
#include "api/problem.h"
#include "base/utc_time.h"
#include "render/atom_feed.h"
#include "render/oai_pmh_xml.h"
#include "schema/vocabulary.h"

namespace jil::api {
namespace {

using Echo = std::vector<std::pair<std::string, std::string>>;

constexpr std::string_view kEarliestDatestamp = "0001-01-01T00:00:00Z";

// The arguments each verb may take (besides `verb`); resumptionToken is exclusive where allowed.
const std::map<std::string, std::set<std::string>, std::less<>>& verb_arguments() {
  static const std::map<std::string, std::set<std::string>, std::less<>> table = {
      {"Identify", {}},
      {"ListMetadataFormats", {"identifier"}},
      {"ListSets", {"resumptionToken"}},
      {"ListIdentifiers", {"metadataPrefix", "from", "until", "set", "resumptionToken"}},
      {"ListRecords", {"metadataPrefix", "from", "until", "set", "resumptionToken"}},
      {"GetRecord", {"identifier", "metadataPrefix"}},
  };
  return table;
}

std::string now_datestamp() {
  return utc_timestamp(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
}

int number_at(std::string_view text, size_t at, size_t digits) {
  int value = 0;
  for (size_t index = at; index < at + digits; ++index) value = value * 10 + (text[index] - '0');
  return value;
}

// "YYYY-MM-DD" → 'd', "YYYY-MM-DDThh:mm:ssZ" → 's', anything else → 0, also a day or time that
// does not exist (2020-13-01, 2021-02-29, 25:99:99): OAI-PMH 3.3.1 asks for valid UTC datetimes.
char granularity_of(std::string_view date) {
  const bool day = date.size() >= 10 && all_digits(date.substr(0, 4)) && date[4] == '-' &&
                   all_digits(date.substr(5, 2)) && date[7] == '-' && all_digits(date.substr(8, 2));
  if (!day) return 0;
  const std::chrono::year_month_day calendar_day{
      std::chrono::year{number_at(date, 0, 4)},
      std::chrono::month{static_cast<unsigned>(number_at(date, 5, 2))},
      std::chrono::day{static_cast<unsigned>(number_at(date, 8, 2))}};
  if (!calendar_day.ok() || number_at(date, 0, 4) == 0) return 0;
  if (date.size() == 10) return 'd';
  const bool seconds = date.size() == 20 && date[10] == 'T' && all_digits(date.substr(11, 2)) &&
                       date[13] == ':' && all_digits(date.substr(14, 2)) && date[16] == ':' &&
                       all_digits(date.substr(17, 2)) && date[19] == 'Z';
  if (!seconds) return 0;
  const bool in_a_day =
      number_at(date, 11, 2) <= 23 && number_at(date, 14, 2) <= 59 && number_at(date, 17, 2) <= 59;
  return in_a_day ? 's' : 0;
}

bool is_known_set(std::string_view set) {
  if (set == "type" || set == "language") return true;
  const auto& vocabulary = schema::Vocabulary::built_in();
  if (set.starts_with("type:")) return vocabulary.contains(schema::Facet::kType, set.substr(5));
  if (set.starts_with("language:")) {
    return vocabulary.contains(schema::Facet::kLanguage, set.substr(9));
  }
  return false;
}

class OaiAnswer {
 public:
  OaiAnswer(search::Searcher& searcher, std::string_view site_url, const OaiIdentity& identity,
            const render::UiCatalog& catalog)
      : searcher_(searcher),
        site_(site_url),
        identity_(identity),
        catalog_(catalog),
        labels_(catalog, render::kOaiNamesLanguage) {}

  HttpResponse answer(const ParsedTarget& target);
  // badArgument for arguments that cannot be read (api/oai_request.h), echoing none.
  HttpResponse bad_argument(const std::string& why) const { return error({}, "badArgument", why); }

 private:
  HttpResponse respond(const Echo& echo, const std::string& body) const {
    HttpResponse response;
    response.content_type = std::string(render::kOaiMediaType);
    response.body = render::oai_envelope(now_datestamp(), site_ + "/oai", echo, body);
    return response;
  }
  HttpResponse error(const Echo& echo, std::string_view code, std::string_view message) const {
    return respond(echo, render::oai_error(code, message));
  }

  HttpResponse identify(const Echo& echo);
  HttpResponse list_metadata_formats(const Echo& echo, const std::string& identifier);
  HttpResponse list_sets(const Echo& echo, const std::string& token);
  HttpResponse list(const Echo& echo, bool records, const std::map<std::string, std::string>& args);
  HttpResponse get_record(const Echo& echo, const std::string& identifier,
                          const std::string& prefix);

  // Every document, sorted by id, with `text` dropped.
  Result<std::vector<schema::DocRecord>> all_records();
  // The document an OAI identifier names, or nullopt.
  std::optional<schema::DocRecord> record_named(const std::string& identifier);
  // The removed document an OAI identifier names, or nullopt (also when the index cannot say).
  std::optional<schema::RemovedDocument> removal_named(const std::string& identifier);
  std::string item_xml(const OaiItem& item, bool with_metadata) const {
    const bool deleted = item.record == nullptr;
    std::string xml = render::oai_header(std::string(kOaiIdentifierPrefix) + item.id,
                                         item.datestamp, item.set_specs, deleted);
    if (!with_metadata) return xml;
    // A deleted record has a header only (OAI-PMH 2.0 section 2.5.1).
    if (deleted) return "<record>" + xml + "</record>";
    return "<record>" + xml + render::oai_dc_metadata(*item.record, site_, labels_) + "</record>";
  }

  search::Searcher& searcher_;
  std::string site_;
  const OaiIdentity& identity_;
  const render::UiCatalog& catalog_;
  const render::FacetLabels labels_;
};

HttpResponse OaiAnswer::answer(const ParsedTarget& target) {
  const std::vector<std::string> verbs = target.all("verb");
  if (verbs.size() != 1) {
    return error({}, "badVerb",
                 verbs.empty() ? "the verb argument is missing" : "verb is repeated");
  }
  const auto allowed = verb_arguments().find(verbs[0]);
  if (allowed == verb_arguments().end()) {
    return error({}, "badVerb", "'" + verbs[0] + "' is not an OAI-PMH verb");
  }
  std::map<std::string, std::string> args;
  Echo echo = {{"verb", verbs[0]}};
  for (const auto& [name, value] : target.parameters) {
    if (name == "verb") continue;
    if (!allowed->second.contains(name)) {
      return error({}, "badArgument", "'" + name + "' is not an argument of " + verbs[0]);
    }
    if (!args.emplace(name, value).second) {
      return error({}, "badArgument", "'" + name + "' is repeated");
    }
    echo.emplace_back(name, value);
  }
  if (args.contains("resumptionToken") && args.size() > 1) {
    return error({}, "badArgument", "resumptionToken is an exclusive argument");
  }
  const auto arg = [&](const char* name) {
    const auto found = args.find(name);
    return found == args.end() ? std::string() : found->second;
  };
  const std::string& verb = verbs[0];
  if (verb == "Identify") return identify(echo);
  if (verb == "ListMetadataFormats") return list_metadata_formats(echo, arg("identifier"));
  if (verb == "ListSets") return list_sets(echo, arg("resumptionToken"));
  if (verb == "GetRecord") {
    if (!args.contains("identifier") || !args.contains("metadataPrefix")) {
      return error({}, "badArgument", "GetRecord needs identifier and metadataPrefix");
    }
    return get_record(echo, arg("identifier"), arg("metadataPrefix"));
  }
  return list(echo, verb == "ListRecords", args);
}

HttpResponse OaiAnswer::identify(const Echo& echo) {
  std::string earliest(kEarliestDatestamp);
  Result<std::vector<schema::DocRecord>> records = all_records();
  if (!records.is_ok()) return problem_response(records.status());
  Result<std::vector<schema::RemovedDocument>> removed = searcher_.removed_documents();
  if (!removed.is_ok()) return problem_response(removed.status());
  const std::vector<OaiItem> items = oai_items(*records, *removed);
  if (!items.empty()) {
    earliest = items.front().datestamp;
    for (const auto& item : items) earliest = std::min(earliest, item.datestamp);
  }
  return respond(echo,
                 "<Identify>" + render::xml_element("repositoryName", identity_.repository_name) +
                     render::xml_element("baseURL", site_ + "/oai") +
                     render::xml_element("protocolVersion", "2.0") +
                     render::xml_element("adminEmail", identity_.admin_email) +
                     render::xml_element("earliestDatestamp", earliest) +
                     render::xml_element("deletedRecord", "transient") +
                     render::xml_element("granularity", "YYYY-MM-DDThh:mm:ssZ") + "</Identify>");
}

HttpResponse OaiAnswer::list_metadata_formats(const Echo& echo, const std::string& identifier) {
  if (!identifier.empty() && !record_named(identifier) && !removal_named(identifier)) {
    return error(echo, "idDoesNotExist", "no item '" + identifier + "'");
  }
  return respond(
      echo,
      "<ListMetadataFormats><metadataFormat>" + render::xml_element("metadataPrefix", "oai_dc") +
          render::xml_element("schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd") +
          render::xml_element("metadataNamespace", "http://www.openarchives.org/OAI/2.0/oai_dc/") +
          "</metadataFormat></ListMetadataFormats>");
}

HttpResponse OaiAnswer::list_sets(const Echo& echo, const std::string& token) {
  if (!token.empty()) {
    return error(echo, "badResumptionToken", "ListSets answers in one piece: no token is valid");
  }
  using schema::Facet;
  const auto& vocabulary = schema::Vocabulary::built_in();
  std::string xml = "<ListSets>";
  // The set's name in English (setName), and in each interface language in its description.
  const auto add = [&](const std::string& spec, const std::string& name, auto name_in) {
    std::vector<std::pair<std::string, std::string>> names;
    for (std::string_view language : render::kUiLanguages) {
      names.emplace_back(language, name_in(render::FacetLabels(catalog_, language)));
    }
    xml += "<set>" + render::xml_element("setSpec", spec) + render::xml_element("setName", name) +
           render::oai_set_description(names) + "</set>";
  };
  for (const Facet facet : {Facet::kType, Facet::kLanguage}) {
    const std::string facet_key = "facet_" + std::string(schema::facet_name(facet));
    add(std::string(schema::facet_name(facet)),
        facet == Facet::kType ? "Document type" : "Language",
        [&](const render::FacetLabels& in) { return in.text(facet_key); });
    for (const auto& id : vocabulary.ids(facet)) {
      add(std::string(schema::facet_name(facet)) + ":" + id, labels_.value(facet, id),
          [&](const render::FacetLabels& in) { return in.value(facet, id); });
    }
  }
  return respond(echo, xml + "</ListSets>");
}

HttpResponse OaiAnswer::list(const Echo& echo, bool records,
                             const std::map<std::string, std::string>& args) {
  const uint64_t revision = searcher_.index_revision();
  OaiResumption position;
  if (const auto token = args.find("resumptionToken"); token != args.end()) {
    Result<OaiResumption> decoded = decode_resumption_token(token->second);
    if (!decoded.is_ok()) return error(echo, "badResumptionToken", decoded.status().message());
    if (decoded->index_revision != revision) {
      return error(echo, "badResumptionToken",
                   "the library changed since this list began: start it again");
    }
    position = std::move(decoded).value();
  } else {
    const auto value = [&](const char* name) {
      const auto found = args.find(name);
      return found == args.end() ? std::string() : found->second;
    };
    if (!args.contains("metadataPrefix")) {
      return error({}, "badArgument", "metadataPrefix is required");
    }
    position.arguments = {value("metadataPrefix"), value("from"), value("until"), value("set")};
    position.index_revision = revision;
  }
  OaiListArguments& list_args = position.arguments;
  const char from_granularity = granularity_of(list_args.from);
  const char until_granularity = granularity_of(list_args.until);
  if ((!list_args.from.empty() && !from_granularity) ||
      (!list_args.until.empty() && !until_granularity)) {
    return error({}, "badArgument", "from and until are YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
  }
  if (from_granularity && until_granularity && from_granularity != until_granularity) {
    return error({}, "badArgument", "from and until must have the same granularity");
  }
  const std::string from = from_granularity == 'd' ? list_args.from + "T00:00:00Z" : list_args.from;
  const std::string until =
      until_granularity == 'd' ? list_args.until + "T23:59:59Z" : list_args.until;
  if (!from.empty() && !until.empty() && from > until) {
    return error({}, "badArgument", "from is after until");
  }
  if (list_args.metadata_prefix != "oai_dc") {
    return error(echo, "cannotDisseminateFormat",
                 "'" + list_args.metadata_prefix + "' is not offered: use oai_dc");
  }
  if (!list_args.set.empty() && !is_known_set(list_args.set)) {
    return error(echo, "noRecordsMatch", "no set '" + list_args.set + "' (see ListSets)");
  }
  Result<std::vector<schema::DocRecord>> all = all_records();
  if (!all.is_ok()) return problem_response(all.status());
  Result<std::vector<schema::RemovedDocument>> removed = searcher_.removed_documents();
  if (!removed.is_ok()) return problem_response(removed.status());
  std::vector<OaiItem> matching;
  for (OaiItem& item : oai_items(*all, *removed)) {
    if (!from.empty() && item.datestamp < from) continue;
    if (!until.empty() && item.datestamp > until) continue;
    if (!in_oai_set(item.set_specs, list_args.set)) continue;
    matching.push_back(std::move(item));
  }
  if (matching.empty()) return error(echo, "noRecordsMatch", "no records match these arguments");
  if (position.offset >= matching.size()) {
    return error(echo, "badResumptionToken", "the resumptionToken points past the list");
  }
  const char* element = records ? "ListRecords" : "ListIdentifiers";
  std::string xml = "<" + std::string(element) + ">";
  const size_t end = std::min<size_t>(matching.size(), position.offset + kOaiPageSize);
  for (size_t i = position.offset; i < end; ++i) xml += item_xml(matching[i], records);
  if (position.offset > 0 || end < matching.size()) {
    // The last piece carries an empty token, as the protocol asks.
    OaiResumption next = position;
    next.offset = end;
    xml += "<resumptionToken completeListSize=\"" + std::to_string(matching.size()) +
           "\" cursor=\"" + std::to_string(position.offset) + "\">" +
           (end < matching.size() ? encode_resumption_token(next) : std::string()) +
           "</resumptionToken>";
  }
  return respond(echo, xml + "</" + element + ">");
}

HttpResponse OaiAnswer::get_record(const Echo& echo, const std::string& identifier,
                                   const std::string& prefix) {
  const std::optional<schema::DocRecord> record = record_named(identifier);
  const std::optional<schema::RemovedDocument> removal =
      record ? std::nullopt : removal_named(identifier);
  if (!record && !removal) return error(echo, "idDoesNotExist", "no item '" + identifier + "'");
  if (prefix != "oai_dc") {
    return error(echo, "cannotDisseminateFormat", "'" + prefix + "' is not offered: use oai_dc");
  }
  const OaiItem item = record ? oai_item(*record) : oai_item(*removal);
  return respond(echo, "<GetRecord>" + item_xml(item, true) + "</GetRecord>");
}

std::optional<schema::RemovedDocument> OaiAnswer::removal_named(const std::string& identifier) {
  if (!identifier.starts_with(kOaiIdentifierPrefix)) return std::nullopt;
  const std::string id = identifier.substr(kOaiIdentifierPrefix.size());
  Result<std::vector<schema::RemovedDocument>> removed = searcher_.removed_documents();
  if (!removed.is_ok()) return std::nullopt;
  for (const auto& document : *removed) {
    if (document.id == id) return document;
  }
  return std::nullopt;
}

Result<std::vector<schema::DocRecord>> OaiAnswer::all_records() {
  Result<std::vector<search::WorkSummary>> works = searcher_.works();
  if (!works.is_ok()) return works.status();
  std::vector<std::string> ids;
  for (const auto& work : *works) {
    for (const auto& version : work.versions) ids.push_back(version.id);
  }
  std::sort(ids.begin(), ids.end());
  std::vector<schema::DocRecord> records;
  for (const auto& id : ids) {
    Result<schema::DocRecord> record = searcher_.document(id);
    if (!record.is_ok()) {
      if (record.status().code() == StatusCode::kNotFound) continue;  // removed meanwhile
      return record.status();
    }
    record->text.clear();
    records.push_back(std::move(record).value());
  }
  return records;
}

std::optional<schema::DocRecord> OaiAnswer::record_named(const std::string& identifier) {
  if (!identifier.starts_with(kOaiIdentifierPrefix)) return std::nullopt;
  const std::string id = identifier.substr(kOaiIdentifierPrefix.size());
  if (!schema::is_valid_id(id)) return std::nullopt;
  Result<schema::DocRecord> record = searcher_.document(id);
  if (!record.is_ok()) return std::nullopt;
  return std::move(record).value();
}

}  // namespace

HttpResponse oai_pmh_response(search::Searcher& searcher, const HttpRequest& request,
                              std::string_view site_url, const OaiIdentity& identity,
                              const render::UiCatalog& catalog) {
  OaiAnswer answer(searcher, site_url, identity, catalog);
  Result<ParsedTarget> arguments = oai_arguments(request);
  if (!arguments.is_ok()) return answer.bad_argument(arguments.status().message());
  return answer.answer(*arguments);
}

}  // namespace jil::api
