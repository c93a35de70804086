#include "cli/shared_options.h"

#include <fmt/format.h>

#include <iostream>

namespace claimtrace::cli {

std::unique_ptr<Pipeline> load_pipeline_or_report() {
  auto pipeline = Pipeline::load();
  if (!pipeline) {
    report_error(pipeline.error());
    return nullptr;
  }
  return std::move(*pipeline);
}

void report_error(const Error& error) { std::cerr << "claimtrace: error: " << error.to_string() << "\n"; }

void report_warning(const std::string& message) { std::cerr << "claimtrace: warning: " << message << "\n"; }

bool valid_date_option(const std::string& value) {
  // YYYY-MM-DD, optionally THH:MM or THH:MM:SS; '9' stands for a digit.
  auto shaped = [&](std::string_view shape) {
    if (value.size() != shape.size()) return false;
    for (size_t i = 0; i < shape.size(); ++i) {
      bool digit = value[i] >= '0' && value[i] <= '9';
      if (shape[i] == '9' ? !digit : value[i] != shape[i]) return false;
    }
    return true;
  };
  return value.empty() || shaped("9999-99-99") || shaped("9999-99-99T99:99") || shaped("9999-99-99T99:99:99");
}

}  // namespace claimtrace::cli
