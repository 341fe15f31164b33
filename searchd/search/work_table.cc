// Implementation of work_table.h: the XW and Q terms' posting lists and the language value
// stream, walked once per revision; or the changed documents' term lists and language values.
#include "search/work_table.h"

#include <algorithm>

#include "schema/prefixes.h"
#include "schema/value_slots.h"

namespace jil::search {

void WorkTable::refresh(const Xapian::Database& database, uint64_t revision) {
  if (!loaded_ || revision != revision_) load(database, revision);
}

void WorkTable::load(const Xapian::Database& database, uint64_t revision) {
  loaded_ = false;
  const Xapian::docid last = database.get_lastdocid();
  std::unordered_map<std::string, std::vector<Xapian::docid>> works;
  std::vector<std::string> work_of(last + 1);
  bool one_work_each = true;
  const std::string work_prefix(schema::kWorkPrefix);
  for (auto term = database.allterms_begin(work_prefix); term != database.allterms_end(work_prefix);
       ++term) {
    const std::string work = (*term).substr(work_prefix.size());
    std::vector<Xapian::docid>& docids = works[work];
    for (auto posting = database.postlist_begin(*term); posting != database.postlist_end(*term);
         ++posting) {
      docids.push_back(*posting);
      if (*posting > last) continue;
      if (!work_of[*posting].empty()) one_work_each = false;
      work_of[*posting] = work;
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
  work_of_ = std::move(work_of);
  one_work_each_ = one_work_each;
  ids_ = std::move(ids);
  language_codes_ = std::move(codes);
  languages_ = std::move(languages);
  revision_ = revision;
  loaded_ = true;
}

void WorkTable::forget(Xapian::docid docid) {
  std::string& work = work_of_[docid];
  if (!work.empty()) {
    const auto found = works_.find(work);
    if (found != works_.end()) {
      std::vector<Xapian::docid>& docids = found->second;
      docids.erase(std::remove(docids.begin(), docids.end(), docid), docids.end());
      if (docids.empty()) works_.erase(found);
    }
    work.clear();
  }
  ids_[docid].clear();
  language_codes_[docid] = 0;
}

bool WorkTable::update(const Xapian::Database& database, uint64_t revision,
                       const std::vector<Xapian::docid>& changed) {
  loaded_ = false;  // until every changed document is read again
  if (!one_work_each_) return false;
  const size_t documents = std::max(ids_.size(), size_t{database.get_lastdocid()} + 1);
  ids_.resize(documents);
  work_of_.resize(documents);
  language_codes_.resize(documents, 0);
  const std::string work_prefix(schema::kWorkPrefix);
  const std::string id_prefix(schema::kIdPrefix);
  for (Xapian::docid docid : changed) {
    if (docid >= documents) continue;  // past the last document: not in this revision
    forget(docid);
    Xapian::Document document;
    try {
      document = database.get_document(docid);
    } catch (const Xapian::DocNotFoundError&) {
      continue;  // deleted
    }
    // Term lists are sorted, so each prefix's terms are consecutive ("Q" before "XW").
    auto term = document.termlist_begin();
    for (term.skip_to(id_prefix); term != document.termlist_end() && (*term).starts_with(id_prefix);
         ++term) {
      ids_[docid] = (*term).substr(id_prefix.size());  // the last, as refresh() keeps
    }
    for (term.skip_to(work_prefix);
         term != document.termlist_end() && (*term).starts_with(work_prefix); ++term) {
      if (!work_of_[docid].empty()) return false;  // several works
      work_of_[docid] = (*term).substr(work_prefix.size());
      std::vector<Xapian::docid>& docids = works_[work_of_[docid]];
      docids.insert(std::upper_bound(docids.begin(), docids.end(), docid), docid);
    }
    const std::string language = document.get_value(schema::kLanguageSlot);
    if (language.empty()) continue;
    auto known = std::find(languages_.begin(), languages_.end(), language);
    if (known == languages_.end()) known = languages_.insert(languages_.end(), language);
    language_codes_[docid] = static_cast<uint16_t>(known - languages_.begin());
  }
  revision_ = revision;
  loaded_ = true;
  return true;
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
