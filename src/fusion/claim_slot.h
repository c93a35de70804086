// What fusion compares claims by: their slot (event, actor, recipient,
// quantity status, polarity), their period and their figure.
#pragma once

#include <limits>
#include <optional>
#include <string>

#include "core/document.h"

namespace claimtrace {

// A claim's period: its time expression's interval when one was resolved,
// else the calendar month of publication ([YYYY-MM-01, next month)); the
// whole calendar when neither is known. ISO dates, end exclusive.
struct Period {
  std::string begin = "0000-01-01";
  std::string end = "9999-12-31";
  bool overlaps(const Period& o) const { return begin < o.end && o.begin < end; }
  // Neither a time nor a publication date placed it (or a claim so placed joined it).
  bool unknown() const { return begin == Period{}.begin || end == Period{}.end; }
};

Period claim_period(const Claim& claim, const std::string& published);

// Whether two known periods are about the same stretch of time: their starts and their ends each
// within a quarter of the longer one's length (at least a day). Figures over periods that are not
// ("14,000 killed since 2014" and "16 killed in February 2022") count different things.
bool periods_comparable(const Period& a, const Period& b);

// The figure as a closed interval; none when the claim has no quantity.
struct Figure {
  double low = 0;
  double high = std::numeric_limits<double>::infinity();
};

std::optional<Figure> claim_figure(const Amount& amount);

// What a figure counts, for comparing it: people (soldiers and civilians
// alike), or the quantity's unit ("vehicle", "money:USD"). "300 tanks lost"
// and "16,000 soldiers lost" are two counts, not two estimates.
std::string figure_unit(std::string_view unit);

// Figures are compatible when their intervals meet once each is widened by
// 5%: estimates that round differently are the same report.
bool figures_compatible(const Figure& a, const Figure& b);

// Certainty as an order, for ranges: denied < rumoured < possible < probable < asserted.
int certainty_rank(const std::string& certainty);

// "denied" claims form their own clusters, so that a denial can contradict.
inline std::string claim_polarity(const std::string& certainty) { return certainty == "denied" ? "denied" : "affirmed"; }

}  // namespace claimtrace
