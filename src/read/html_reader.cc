// Main text of a news page: the <article>, else the element whose direct <p>
// children hold the most text, else <body>; never scripts, styles,
// navigation, headers, footers, asides or forms. Title from og:title or
// <title>; publication date from the usual meta tags or <time datetime>.
#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <vector>
#include <string>

#include "core/content_hash.h"
#include "read/reader.h"

namespace claimtrace {
namespace {

bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_FIGURE:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_PRE: case GUMBO_TAG_MAIN: case GUMBO_TAG_BR:
      return true;
    default:
      return false;
  }
}

// Class or id names that mark page furniture rather than the article.
bool furniture(const GumboElement& el) {
  for (const char* attr : {"class", "id", "role"}) {
    const GumboAttribute* a = gumbo_get_attribute(&el.attributes, attr);
    if (!a) continue;
    std::string v = a->value;
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* bad : {"comment", "share", "social", "related", "newsletter", "cookie", "advert", "promo",
                            "breadcrumb", "navigation", "menu", "sidebar", "footer", "subscribe", "byline",
                            "author", "caption", "credit", "post-meta", "entry-meta", "article-meta", "timestamp"}) {
      if (v.find(bad) != std::string::npos) return true;
    }
  }
  return false;
}

void append_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    const char* t = node->v.text.text;
    for (const char* p = t; *p; ++p) {
      char c = (*p == '\n' || *p == '\t' || *p == '\r') ? ' ' : *p;
      if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
      out.push_back(c);
    }
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& el = node->v.element;
  if (skipped(el.tag) || furniture(el)) return;
  bool block = is_block(el.tag);
  auto paragraph_break = [&] {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && !out.ends_with("\n\n")) out += out.back() == '\n' ? "\n" : "\n\n";
  };
  if (block) paragraph_break();
  for (unsigned i = 0; i < el.children.length; ++i) append_text(static_cast<GumboNode*>(el.children.data[i]), out);
  if (block) paragraph_break();
}

size_t direct_paragraph_text(const GumboNode* node) {
  size_t total = 0;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    auto* child = static_cast<GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_P) {
      std::string t;
      append_text(child, t);
      total += t.size();
    }
  }
  return total;
}

struct PageFacts {
  const GumboNode* body = nullptr;
  const GumboNode* best_article = nullptr;
  size_t best_article_size = 0;
  const GumboNode* best_container = nullptr;
  size_t best_container_size = 0;
  std::string title_tag, og_title, h1, published;
  std::vector<std::string> headings;  // h1 and h2 texts, to recognise the title in "Title - Site"
};

void survey(const GumboNode* node, PageFacts& facts) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& el = node->v.element;
  switch (el.tag) {
    case GUMBO_TAG_BODY: facts.body = node; break;
    case GUMBO_TAG_TITLE: if (facts.title_tag.empty()) append_text(node, facts.title_tag); break;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: {
      std::string heading;
      append_text(node, heading);
      if (el.tag == GUMBO_TAG_H1 && facts.h1.empty()) facts.h1 = heading;
      facts.headings.push_back(std::move(heading));
      break;
    }
    case GUMBO_TAG_META: {
      const GumboAttribute* key = gumbo_get_attribute(&el.attributes, "property");
      if (!key) key = gumbo_get_attribute(&el.attributes, "name");
      if (!key) key = gumbo_get_attribute(&el.attributes, "itemprop");
      const GumboAttribute* content = gumbo_get_attribute(&el.attributes, "content");
      if (key && content) {
        std::string k = key->value;
        for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (k == "og:title" && facts.og_title.empty()) facts.og_title = content->value;
        if (facts.published.empty() &&
            (k == "article:published_time" || k == "og:published_time" || k == "datepublished" || k == "date" ||
             k == "dc.date" || k == "dc.date.issued" || k == "dcterms.created" || k == "pubdate" ||
             k == "publish-date" || k == "sailthru.date" || k == "parsely-pub-date"))
          facts.published = content->value;
      }
      break;
    }
    case GUMBO_TAG_TIME: {
      const GumboAttribute* dt = gumbo_get_attribute(&el.attributes, "datetime");
      if (dt && facts.published.empty()) facts.published = dt->value;
      break;
    }
    case GUMBO_TAG_ARTICLE: {
      std::string t;
      append_text(node, t);
      if (t.size() > facts.best_article_size) {
        facts.best_article = node;
        facts.best_article_size = t.size();
      }
      break;
    }
    default: break;
  }
  if (skipped(el.tag)) return;
  if (size_t p = direct_paragraph_text(node); p > facts.best_container_size) {
    facts.best_container = node;
    facts.best_container_size = p;
  }
  for (unsigned i = 0; i < el.children.length; ++i) survey(static_cast<GumboNode*>(el.children.data[i]), facts);
}

std::string trim(std::string s) {
  size_t a = s.find_first_not_of(" \n\t\r");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \n\t\r");
  return s.substr(a, b - a + 1);
}

// "2025-07-03T10:00:00+02:00" or "20250703" -> "2025-07-03"; anything unreadable -> "".
std::string iso_date(const std::string& s) {
  auto digits = [&](size_t from, size_t n) {
    if (s.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
  };
  if (digits(0, 4) && s.size() >= 10 && s[4] == '-' && s[7] == '-' && digits(5, 2) && digits(8, 2)) return s.substr(0, 10);
  if (digits(0, 8) && (s.size() == 8 || !std::isdigit(static_cast<unsigned char>(s[8]))))
    return s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2);
  return "";
}

// "Title - Site", "Site | Title": the part that is also a heading of the page,
// else the longest part.
std::string title_from_tag(const std::string& tag, const std::vector<std::string>& headings) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= tag.size(); ++i) {
    for (std::string_view sep : {" - ", " | ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xB7 "}) {
      if (i == tag.size() || tag.compare(i, sep.size(), sep) == 0) {
        parts.push_back(trim(tag.substr(start, i - start)));
        start = i + (i == tag.size() ? 0 : sep.size());
        i = start;
        break;
      }
    }
  }
  if (parts.size() < 2) return tag;
  for (const auto& p : parts) {
    for (const auto& h : headings) {
      if (!p.empty() && trim(h) == p) return p;
    }
  }
  return *std::max_element(parts.begin(), parts.end(),
                           [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
}

}  // namespace

void read_html(const std::string& name, std::string content, const ReadOptions& options,
               const DocumentSink& on_document, const ErrorSink& on_error) {
  if (content.size() > options.max_document_bytes * 4) {
    return on_error(Error{name, fmt::format("HTML page of {} bytes is over the limit; refused", content.size())});
  }
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, content.data(), content.size());
  PageFacts facts;
  survey(output->root, facts);
  const GumboNode* main = facts.best_article;
  if (!main && facts.best_container_size >= 200) main = facts.best_container;
  if (!main) main = facts.body;
  std::string text;
  if (main) append_text(main, text);
  text = trim(text);
  Document doc;
  doc.source = name;
  doc.title = trim(!facts.og_title.empty() ? facts.og_title
                   : !facts.h1.empty()     ? facts.h1
                                           : title_from_tag(trim(facts.title_tag), facts.headings));
  doc.published = iso_date(trim(facts.published));
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  if (text.empty()) return on_error(Error{name, "HTML page without body text"});
  if (!doc.title.empty() && !text.starts_with(doc.title)) text = doc.title + "\n\n" + text;
  if (!admit_text(name, text, options, &doc, on_error)) return;
  doc.text = std::move(text);
  doc.lang = options.lang;
  if (doc.published.empty()) doc.published = options.published;
  doc.id = content_hash(doc.text).substr(0, 16);
  on_document(std::move(doc));
}

}  // namespace claimtrace
