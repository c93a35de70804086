// Helpers the subcommands share: loading the pipeline, reporting errors.
#pragma once

#include <memory>
#include <string>

#include "core/error.h"
#include "pipeline/pipeline.h"

namespace claimtrace::cli {

// Loads the pipeline from the default resources, or prints why not.
std::unique_ptr<Pipeline> load_pipeline_or_report();

// "claimtrace: error: <input>: <message>" on stderr.
void report_error(const Error& error);
void report_warning(const std::string& message);

// Accepts YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]; empty is allowed.
bool valid_date_option(const std::string& value);

}  // namespace claimtrace::cli
