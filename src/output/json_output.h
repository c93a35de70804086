// The JSON shapes of CONTRACT.md, built from a Document's layers.
#pragma once

#include <nlohmann/json.hpp>

#include "core/document.h"

namespace claimtrace {

struct JsonOptions {
  bool explain = false;  // per claim field: the rules and resource lines behind it
};

nlohmann::ordered_json amount_json(const Amount& amount);
nlohmann::ordered_json time_value_json(const TimeSpan& time);
nlohmann::ordered_json span_json(const Document& doc, Extent at);  // {"start","end","text"}

// One object per span of a parse dimension: number, quantity, time, entity.
nlohmann::ordered_json parse_spans_json(const Document& doc, std::string_view dim);

// The whole `extract` record of a document.
nlohmann::ordered_json document_json(const Document& doc, const JsonOptions& options = {});

nlohmann::ordered_json claim_json(const Document& doc, const Claim& claim, const JsonOptions& options = {});

const char* number_role_name(NumberRole role);

}  // namespace claimtrace
