// A readable summary of an analysed document, for a person at a terminal.
#pragma once

#include <ostream>

#include "core/document.h"

namespace claimtrace {

void write_summary(const Document& doc, std::ostream& out);

}  // namespace claimtrace
