// Six small documents in five languages and the code that writes them into a real Xapian
// database through schema::DocumentBuilder, as jil-indexer does.
#pragma once

#include <gtest/gtest.h>
#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "schema/doc_record.h"
#include "schema/document_builder.h"
#include "schema/index_compatibility.h"
#include "schema/prefixes.h"

namespace jil::search {

inline schema::DocRecord sample_record(std::string id, std::string work,
                                       analysis::Language language, std::string type, int year,
                                       std::string title, std::vector<std::string> topics,
                                       std::string text) {
  schema::DocRecord record;
  record.id = std::move(id);
  record.work = std::move(work);
  record.language = language;
  record.type = std::move(type);
  record.year = year;
  record.title = std::move(title);
  record.topics = std::move(topics);
  record.text = std::move(text);
  record.organisation = "ijin";
  record.region = "global";
  record.format = "txt";
  record.media_type = "text/plain; charset=utf-8";
  record.original_name = record.id + ".txt";
  return record;
}

// Years: 2018, 2019, 2021, 2021, 2022, 2023. Titles in root collation order:
// Apple..., Code de..., Code of..., Formación..., تقرير..., 法官...
inline std::vector<schema::DocRecord> sample_documents() {
  using analysis::Language;
  std::vector<schema::DocRecord> documents = {
      sample_record("code-en", "code", Language::kEn, "code-of-conduct", 2021,
                    "Code of judicial conduct", {"judicial-ethics", "gifts"},
                    "Judges decide every case with independence and impartiality."),
      sample_record("code-fr", "code", Language::kFr, "code-of-conduct", 2021,
                    "Code de déontologie judiciaire", {"judicial-ethics"},
                    "L'éducation des juges garantit leur indépendance."),
      sample_record("report-ar", "report-ar", Language::kAr, "report", 2019,
                    "تقرير عن نزاهة القضاء", {"corruption-prevention"},
                    "القضاة مستقلون في عملهم ويحكمون بالعدل."),
      sample_record("guide-zh", "guide-zh", Language::kZh, "guidance", 2022, "法官行为指南",
                    {"judicial-ethics", "gender"}, "法官应当保持独立。农业法院审理农业案件。"),
      sample_record("training-es", "training-es", Language::kEs, "training", 2018,
                    "Formación judicial", {"case-assignment"},
                    "Los jueces reciben formación sobre independencia judicial."),
      sample_record("gifts-en", "gifts-en", Language::kEn, "guidance", 2023,
                    "Apple gifts and hospitality", {"gifts"},
                    "Judges must refuse gifts that could affect their independence."),
  };
  documents[0].country = "FR";
  documents[1].country = "FR";
  documents[3].country = "CN";
  documents[0].values = {"independence", "impartiality"};
  documents[5].values = {"integrity"};
  return documents;
}

// Adds `records` to `database` as the indexer would, stamping the versions.
inline void add_documents(Xapian::WritableDatabase& database,
                          const std::vector<schema::DocRecord>& records) {
  auto analyzer = analysis::Analyzer::create();
  ASSERT_TRUE(analyzer.is_ok()) << analyzer.status().to_string();
  auto builder = schema::DocumentBuilder::create(**analyzer);
  ASSERT_TRUE(builder.is_ok()) << builder.status().to_string();
  schema::stamp_versions(database);
  for (const schema::DocRecord& record : records) {
    database.replace_document(schema::term(schema::kIdPrefix, record.id),
                              (*builder)->build(record, "fingerprint"));
  }
}

}  // namespace jil::search
