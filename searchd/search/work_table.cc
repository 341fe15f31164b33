// Implementation of work_table.h: the XW and Q terms' posting lists and the language value
// stream, walked once per revision.
#include "search/work_table.h"

#include <algorithm>

#include "schema/prefixes.h"
#include "schema/value_slots.h"

namespace jil::search {

void WorkTable::refresh(const Xapian::Database& database, uint64_t revision) {
  if (loaded_ && revision == revision_) return;
  const Xapian::docid last = database.get_lastdocid();
  std::unordered_map<std::string, std::vector<Xapian::docid>> works;
  const std::string work_prefix(schema::kWorkPrefix);
  for (auto term = database.allterms_begin(work_prefix); term != database.allterms_end(work_prefix);
       ++term) {
    std::vector<Xapian::docid>& docids = works[(*term).substr(work_prefix.size())];
    for (auto posting = database.postlist_begin(*term); posting != database.postlist_end(*term);
         ++posting) {
      docids.push_back(*posting);
    }
  }
  std::vector<std::string> ids(last + 1);
  const std::string id_prefix(schema::kIdPrefix);
  for (auto term = database.allterms_begin(id_prefix); term != database.allterms_end(id_prefix);
       ++term) {
    for (auto posting = database.postlist_begin(*term); posting != database.postlist_end(*term);
         ++posting) {
      if (*posting <= last) ids[*posting] = (*term).substr(id_prefix.size());
    }
  }
  std::vector<uint16_t> codes(last + 1, 0);
  std::vector<std::string> languages{""};
  for (auto value = database.valuestream_begin(schema::kLanguageSlot);
       value != database.valuestream_end(schema::kLanguageSlot); ++value) {
    if ((*value).empty() || value.get_docid() > last) continue;
    auto known = std::find(languages.begin(), languages.end(), *value);
    if (known == languages.end()) known = languages.insert(languages.end(), *value);
    codes[value.get_docid()] = static_cast<uint16_t>(known - languages.begin());
  }
  works_ = std::move(works);
  ids_ = std::move(ids);
  language_codes_ = std::move(codes);
  languages_ = std::move(languages);
  revision_ = revision;
  loaded_ = true;
}

const std::string& WorkTable::language_of(Xapian::docid docid) const {
  return languages_[docid < language_codes_.size() ? language_codes_[docid] : 0];
}

const std::string& WorkTable::id_of(Xapian::docid docid) const {
  static const std::string none;
  return docid < ids_.size() ? ids_[docid] : none;
}

std::vector<std::string> WorkTable::languages(const std::string& work) const {
  std::vector<std::string> out;
  const auto found = works_.find(work);
  if (found == works_.end()) return out;
  for (Xapian::docid docid : found->second) out.push_back(language_of(docid));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<WorkVersion> WorkTable::other_versions(const Xapian::Database& database,
                                                   const std::string& work,
                                                   Xapian::docid shown) const {
  std::vector<WorkVersion> versions;
  const auto found = works_.find(work);
  if (work.empty() || found == works_.end()) return versions;
  for (Xapian::docid docid : found->second) {
    if (docid == shown) continue;
    versions.push_back(
        {id_of(docid), language_of(docid),
         database.get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kTitleTextSlot)});
  }
  std::sort(versions.begin(), versions.end(),
            [](const WorkVersion& a, const WorkVersion& b) { return a.language < b.language; });
  return versions;
}

}  // namespace jil::search
