// Checks an OAI-PMH answer against the protocol's XML schemas with xmllint (libxml2-utils):
// tests/fixtures/oai/ holds OAI-PMH.xsd, oai_dc.xsd and simpledc20021212.xsd written from the
// specification (see its README: Debian ships none and nothing is downloaded during tests).
#pragma once

#include <string>

namespace jil::integration {

// False when xmllint is not installed (the tests that need it skip).
bool have_xmllint();

// "" when `xml` is valid against OAI-PMH.xsd (and the oai_dc records in it against theirs), else
// xmllint's exit code and complaint. Writes the answer to a file in the fixture's temporary
// folder; not thread-safe.
std::string oai_schema_errors(const std::string& xml);

}  // namespace jil::integration
