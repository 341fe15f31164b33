// Implementation of related_documents.h.
#include "search/related_documents.h"

#include "schema/document_data.h"
#include "schema/filter_terms.h"
#include "schema/prefixes.h"

namespace jil::search {
namespace {

// Only unprefixed terms (folded words) describe what a document is about: prefixed ones are
// metadata filters, exact forms, stems or concepts, which the other searches already use. Digits
// alone (years, article numbers) say little about the subject.
class WordTermsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    return term.find_first_not_of("0123456789") != std::string::npos;
  }
};

// Appends the records of the best `limit` matches of `query` to `out`; kCorrupt for a record
// that cannot be read.
Status append_matches(const Xapian::Database& database, const Xapian::Query& query, size_t limit,
                      schema::BlockDecompressor& decompressor,
                      std::vector<schema::DocRecord>& out) {
  if (limit == 0) return Status();
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
  for (auto match = matches.begin(); match != matches.end(); ++match) {
    Result<schema::HitData> stored =
        schema::read_hit_data(match.get_document().get_data(), decompressor);
    if (!stored.is_ok()) return stored.status();
    out.push_back(std::move(stored->record));
  }
  return Status();
}

}  // namespace

Result<std::vector<schema::DocRecord>> related_documents(const Xapian::Database& database,
                                                         Xapian::docid docid,
                                                         const schema::DocRecord& record,
                                                         analysis::Language reader, size_t count,
                                                         schema::BlockDecompressor& decompressor) {
  Xapian::RSet relevant;
  relevant.add_document(docid);
  const std::string reader_code(analysis::language_code(reader));
  const std::string reader_term = schema::filter_term(schema::Facet::kLanguage, reader_code);
  if (reader != analysis::Language::kUnd && reader != record.language && !record.work.empty()) {
    // The version in the reader's language, if the work has one.
    const Xapian::Query version(Xapian::Query::OP_AND,
                                Xapian::Query(schema::term(schema::kWorkPrefix, record.work)),
                                Xapian::Query(reader_term));
    Xapian::Enquire enquire(database);
    enquire.set_query(version);
    const Xapian::MSet found = enquire.get_mset(0, 1);
    if (!found.empty()) relevant.add_document(*found.begin());
  }
  Xapian::Enquire expand(database);
  const WordTermsOnly decider;
  const Xapian::ESet terms = expand.get_eset(kRelatedExpandTerms, relevant, &decider);
  if (terms.empty()) return std::vector<schema::DocRecord>();
  std::vector<std::string> words;
  for (auto term = terms.begin(); term != terms.end(); ++term) words.push_back(*term);
  Xapian::Query query(Xapian::Query::OP_OR, words.begin(), words.end());
  // Never the document itself, nor another language version of the same work.
  const Xapian::Query own_work =
      record.work.empty()
          ? Xapian::Query(schema::term(schema::kIdPrefix, record.id))
          : Xapian::Query(Xapian::Query::OP_OR,
                          Xapian::Query(schema::term(schema::kIdPrefix, record.id)),
                          Xapian::Query(schema::term(schema::kWorkPrefix, record.work)));
  query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, own_work);
  std::vector<schema::DocRecord> related;
  if (reader != analysis::Language::kUnd) {
    const Xapian::Query in_reader_language(Xapian::Query::OP_FILTER, query,
                                           Xapian::Query(reader_term));
    if (Status status = append_matches(database, in_reader_language, count, decompressor, related);
        !status.is_ok()) {
      return status;
    }
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(reader_term));
  }
  if (Status status =
          append_matches(database, query, count - related.size(), decompressor, related);
      !status.is_ok()) {
    return status;
  }
  return related;
}

}  // namespace jil::search
