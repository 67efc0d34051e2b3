# Doxygen's input filter for hrkit's headers (FILTER_PATTERNS in
# docs/Doxyfile.in). POSIX awk: `awk -f doxygen_filter.awk FILE` writes the
# filtered header to stdout. Checked by ctest docs.filter against
# docs/filter_test/expected.hpp.txt.
#
# hrkit's headers are commented in Google style with plain `//` comments.
# This filter turns them into Doxygen comments without changing the number
# of lines (so Doxygen's warnings name the right line of the real file):
#
# - The file's first comment block (from line 1) becomes the file's
#   description (`\file`).
# - A `//` block directly above a declaration (no blank line between) in
#   namespace, class, struct or enum scope becomes a `///` doc comment.
#   Blocks followed by a blank line, a preprocessor line (other than
#   #define), an access specifier, `namespace` or a closing brace stay plain
#   comments, as do comments inside function bodies and initializers.
# - Google style: a comment above several declarations with no blank line
#   between them documents all of them (an accessor group, an enum's name
#   table and its EnumNamesOf, an id tag and its Id alias); each declaration
#   after the first gets the comment's text too.
# - A trailing `  // ...` after a field or enumerator (a line ending in `;`
#   or `,` before the comment) becomes `///<`; comment lines continuing it
#   at the same column do too.
# - Members whose meaning is the same everywhere get a fixed doc comment
#   when they have no comment of their own, so the headers need none: a
#   defaulted comparison (`operator==`, `operator<=>`, `operator!=` declared
#   `= default`), a defaulted copy or move, an entity's `kEntityName` and an
#   id tag's `kPrefix`.
# - Indented comment lines (three or more spaces after `//`) that follow a
#   line ending in `:` (e.g. "Example:"), directly or after one empty
#   comment line, are a code block (\code ...
#   \endcode, shown as written); in the other lines
#   the characters Doxygen would read as commands or markup (\ @ < > & # %)
#   are escaped outside `backtick` spans, so a comment shows as written.

{ line[NR] = $0 }

END {
  n = NR
  # The file header block.
  header_end = 0
  while (header_end < n && line[header_end + 1] ~ /^\/\//) header_end++
  for (i = 1; i <= n; i++) kind[i] = ""
  for (i = 1; i <= header_end; i++) kind[i] = "doc"

  depth = 0         # brace depth
  body_depth = 0    # number of enclosing braces that are not scopes
  statement = ""    # code text since the last ; { or }
  trailing_col = 0  # column of the last trailing comment turned into ///<
  i = header_end + 1
  while (i <= n) {
    if (IsComment(line[i])) {
      # A run of comment lines.
      first = i
      while (i <= n && IsComment(line[i])) i++
      last = i - 1
      if (body_depth > 0) continue
      if (trailing_col > 0 && first == trailing_line + 1 && index(line[first], "//") == trailing_col) {
        for (k = first; k <= last && index(line[k], "//") == trailing_col; k++) kind[k] = "trailing"
        if (k > last) continue
        first = k
      }
      if (i <= n && DocumentsNext(line[i])) {
        for (k = first; k <= last; k++) kind[k] = "doc"
        ShareWithGroup(first, last, i)
      }
      continue
    }
    ScanCode(i)
    i++
  }

  is_code[0] = 0
  for (i = 1; i <= n; i++) {
    is_code[i] = kind[i] == "doc" && line[i] ~ /^[ \t]*\/\/   / &&
                 (is_code[i - 1] || IntroducesCode(i - 1) || (line[i - 1] ~ /^[ \t]*\/\/$/ && IntroducesCode(i - 2)))
  }
  for (i = 1; i <= n; i++) {
    if (kind[i] == "doc" || kind[i] == "trailing") {
      printf "%s\n", DocLine(i, kind[i] == "trailing" ? "///<" : "///")
    } else if (kind[i] == "uniform" || shared[i] != "") {
      match(line[i], /^[ \t]*/)
      text = kind[i] == "uniform" ? uniform[i] : shared[i]
      printf "%s/** %s */ %s\n", substr(line[i], 1, RLENGTH), text, substr(line[i], RLENGTH + 1)
    } else if (kind[i] ~ /^tail/) {
      printf "%s///<%s\n", substr(line[i], 1, tail_at[i] - 1), Escape(substr(line[i], tail_at[i] + 2))
    } else {
      printf "%s\n", line[i]
    }
  }
}

function IsComment(s) { return s ~ /^[ \t]*\/\// && s !~ /^[ \t]*\/\/\// }

# Whether a comment block directly above `s` documents what `s` declares.
function DocumentsNext(s) {
  if (s ~ /^[ \t]*$/) return 0
  if (s ~ /^[ \t]*#/ && s !~ /^[ \t]*#[ \t]*define/) return 0
  if (s ~ /^[ \t]*}/) return 0
  if (s ~ /^[ \t]*(public|protected|private)[ \t]*:/) return 0
  if (s ~ /^[ \t]*(inline[ \t]+)?namespace([ \t]|$|{)/) return 0
  return 1
}

# Follows braces on code line i, marks trailing comments and defaulted
# comparisons.
function ScanCode(i,    s, code, c, j, pos, prev) {
  s = line[i]
  if (s ~ /^[ \t]*#/) return
  code = s
  # Drop string and character literals, then the comment.
  gsub(/"([^"\\]|\\.)*"/, "\"\"", code)
  gsub(/'([^'\\]|\\.)*'/, "''", code)
  pos = index(code, "//")
  if (pos > 0) code = substr(code, 1, pos - 1)
  if (body_depth == 0) {
    prev = line[i - 1]
    if (!IsComment(prev) && pos == 0 && shared[i] == "") {
      if (code ~ /operator(==|<=>|!=)[ \t]*\(.*\)[ \t]*(const[ \t]*)?(noexcept[ \t]*)?=[ \t]*default[ \t]*;/) {
        kind[i] = "uniform"
        uniform[i] = "Member-wise comparison (defaulted)."
      } else if (code ~ /\)[ \t]*(noexcept[ \t]*)?=[ \t]*default[ \t]*;/) {
        kind[i] = "uniform"
        uniform[i] = "Defaulted copy or move."
      } else if (code ~ /static[ \t]+constexpr[ \t].*[ \t]kEntityName[ \t]*=/) {
        kind[i] = "uniform"
        uniform[i] = "The entity type's name in storage, exports and messages (core/entity_list.hpp)."
      } else if (code ~ /static[ \t]+constexpr[ \t].*[ \t]kPrefix[ \t]*=/) {
        kind[i] = "uniform"
        uniform[i] = "The prefix ids with this tag print with, before the value (core/id.hpp)."
      }
    }
    if (pos > 0 && (code ~ /[;,][ \t]*$/ || code ~ /^[ \t]*k[A-Z][A-Za-z0-9_]*([ \t]*=[^;{}()]*)?[ \t]*$/) &&
        code !~ /^[ \t]*}/ && substr(s, pos, 3) != "///") {
      kind[i] = "tail"
      tail_at[i] = pos
      trailing_col = pos
      trailing_line = i
    }
  }
  for (j = 1; j <= length(code); j++) {
    c = substr(code, j, 1)
    if (c == "{") {
      depth++
      if (body_depth > 0 || !IsScope(statement)) {
        body_depth++
      }
      statement = ""
    } else if (c == "}") {
      if (body_depth > 0) body_depth--
      depth--
      statement = ""
    } else if (c == ";") {
      statement = ""
    } else {
      statement = statement c
    }
  }
  statement = statement " "
}

# Whether the code before `{` opens a namespace, class, struct, union or
# enum (rather than a function body or an initializer).
function IsScope(text) {
  gsub(/template[ \t]*<[^>]*(<[^>]*>[^>]*)*>/, " ", text)
  if (text ~ /=/ || text ~ /\(/) return 0
  return text ~ /(^|[^A-Za-z0-9_])(namespace|class|struct|union|enum)([ \t]|$)/ || text ~ /extern[ \t]*""/
}

# Google style: a comment above several declarations with no blank line
# between them documents all of them (accessors, overloads, an enum's name
# table and its EnumNamesOf, an id tag and its Id alias). The declarations after the first get the text
# of comment lines first..last as a `/** ... */` on their first line.
function ShareWithGroup(first, last, k,    text, j, balance, start, code, c, p, statement_text, count) {
  text = ""
  for (j = first; j <= last; j++) {
    if (line[j] ~ /^[ \t]*\/\/   /) continue
    c = substr(line[j], index(line[j], "//") + 2)
    sub(/^ +/, "", c)
    text = text (text == "" ? "" : " ") Escape(c)
  }
  gsub(/\*\//, "* /", text)
  balance = 0
  count = 0
  start = k
  statement_text = ""
  for (j = k; j <= n; j++) {
    if (balance > 0 && (line[j] ~ /^[ \t]*$/ || IsComment(line[j]))) continue
    if (line[j] ~ /^[ \t]*$/ || IsComment(line[j])) break
    if (balance == 0 && line[j] ~ /^[ \t]*(#|}|(public|protected|private)[ \t]*:)/) break
    code = line[j]
    gsub(/"([^"\\]|\\.)*"/, "\"\"", code)
    gsub(/'([^'\\]|\\.)*'/, "''", code)
    p = index(code, "//")
    if (p > 0) code = substr(code, 1, p - 1)
    for (p = 1; p <= length(code); p++) {
      c = substr(code, p, 1)
      if (c == "{" || c == "(") balance++
      if (c == "}" || c == ")") balance--
      statement_text = statement_text c
    }
    if (balance == 0 && code ~ /[;}][ \t]*$/) {
      if (count > 0) shared[start] = text
      count++
      start = j + 1
      statement_text = ""
    }
  }
}

# Comment line i as a doc comment starting with `marker`.
function DocLine(i, marker,    s, pos, indent, text, base, extra, is_code, out) {
  s = line[i]
  pos = index(s, "//")
  indent = substr(s, 1, pos - 1)
  text = substr(s, pos + 2)
  out = indent marker
  is_code = IsCodeLine(i)
  if (is_code) {
    out = out text
  } else {
    out = out Escape(text)
  }
  if (!is_code && IsCodeLine(i + 1)) out = out " \\code"
  if (is_code && !IsCodeLine(i + 1)) out = out " \\endcode"
  if (i == header_end) out = out " \\file"
  return out
}

# Whether doc line i ends in ":", so indented lines after it (directly or
# after one empty comment line) are code.
function IntroducesCode(i) { return i >= 1 && kind[i] == "doc" && line[i] ~ /:[ \t]*$/ }

# Whether comment line i is a code line: its text starts with three or more
# spaces after `//`, and it follows a line ending in `:` or another code line
# (an indented list item's continuation is not code).
function IsCodeLine(i) {
  if (i < 1 || i > n) return 0
  return is_code[i]
}

# Escapes Doxygen's command and markup characters outside `code` spans.
function Escape(text,    out, j, c, in_code) {
  out = ""
  in_code = 0
  for (j = 1; j <= length(text); j++) {
    c = substr(text, j, 1)
    if (c == "`") in_code = !in_code
    if (!in_code && (index("\\@<>&#%", c) > 0 || (c == "." && (substr(text, 1, j - 1) ~ /(^ *|\.)$/)))) out = out "\\"
    # Markdown would read "\\_" as an escaped "_" after a lone backslash.
    if (!in_code && (c == "_" || c == "*") && j > 1 && substr(text, j - 1, 1) == "\\") out = out "\\"
    if (!in_code && c == "." && j > 3 && (substr(text, j - 3, 3) == "e.g" || substr(text, j - 3, 3) == "i.e")) out = out "\\"
    out = out c
  }
  return out
}
