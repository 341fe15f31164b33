// Checks that an index was written with this build's schema and analyzer versions, so that
// searchd never queries terms that the index does not contain (STYLE.md habit 6).
#pragma once

#include <xapian.h>

#include "base/status.h"

namespace jil::schema {

// kOk when the versions match; kCorrupt naming both versions when not. An index with no
// documents and no versions yet is compatible.
Status check_compatible(const Xapian::Database& database);

// Records this build's versions (call inside the writer's first transaction).
void stamp_versions(Xapian::WritableDatabase& database);

}  // namespace jil::schema
