// The pieces of the token-file reader (conll_reader.cc), apart so that each
// can be tested alone: which lines are token lines, and where spaces go when
// tokens are joined back into prose.
#pragma once

#include <string_view>
#include <vector>

namespace claimtrace::conll {

// A line's columns: split at tabs when it has any (CoNLL-U forms may hold
// spaces), else at runs of spaces.
std::vector<std::string_view> columns(std::string_view line);

// An IOB / BIOES / BILOU tag: O, or B- I- E- S- U- L- and a label of up to 40
// letters, digits or _ . : - ("I-PER", "B-geo", "S-LOC.ADM").
bool is_tag(std::string_view column);

// A CoNLL-U word line: ten tab-separated columns, the first an ID
// ("3", a multiword range "1-2", an empty node "8.1").
bool is_conllu_line(std::string_view line);

// A CoNLL-U comment ("# text = ...", "# sent_id = 3", "#newdoc"), as
// opposed to a token line whose token is a hash sign ("# O", "#MeToo B-MISC").
bool is_comment(std::string_view line);

// True when most lines of `head` (the first few KB of an input) are token
// lines: a tag in the last of 2-12 short columns, or a CoNLL-U word line.
// Strict, so that prose, lists of names and tables are never taken for it.
bool looks_like_token_file(std::string_view head);

// Whether one space goes between `prev` and `next` when tokens are joined.
bool space_between(std::string_view prev, std::string_view next);

}  // namespace claimtrace::conll
