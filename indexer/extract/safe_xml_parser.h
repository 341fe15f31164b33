// Parses the XML inside office files and EPUBs with Poco's SAX parser (expat), hardened against
// hostile XML (RELIABILITY T-P3): any DOCTYPE is refused before parsing, so there are no entity
// definitions to expand (billion laughs, quadratic blow-up) and no external entities or DTDs to
// fetch (XXE); external entity features are switched off as well.
#pragma once

#include <Poco/SAX/DefaultHandler.h>

#include <string_view>

#include "base/status.h"

namespace jil::extract {

// Feeds `xml` to `handler` (namespace-aware: startElement gets the namespace URI and local name).
// kCorrupt "<what>: XML document type declarations are refused" for a DOCTYPE, and
// "<what>: <parser message>" for malformed XML or an exception from the handler.
Status parse_xml(std::string_view xml, Poco::XML::DefaultHandler& handler, std::string_view what);

}  // namespace jil::extract
