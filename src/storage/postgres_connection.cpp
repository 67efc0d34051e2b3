// The PostgreSQL backend: connection, error mapping, transactions, opening
// (see postgres_store_impl.hpp).
#include <libpq-fe.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "format1.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"
#include "postgres_store_impl.hpp"
#include "sql_children.hpp"
#include "sql_kind_reads.hpp"
#include "sql_row.hpp"
#include "sql_schema.hpp"

namespace hrkit::postgres_internal {

bool StorableAsIs(std::string_view text) {
  if (text.starts_with(kEscapeMarker)) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) return false;
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80;  // bounds of the second byte (RFC 3629, table 3-7)
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlong forms
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // no overlong forms
      if (c == 0xF4) hi = 0x8F;  // at most U+10FFFF
    } else {
      return false;
    }
    if (n - i < len) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

std::string EscapeText(std::string_view text) {
  if (StorableAsIs(text)) return std::string(text);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(kEscapeMarker);
  out.reserve(kEscapeMarker.size() + text.size() + text.size() / 4);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\\') {
      out += "\\\\";
    } else if (c >= 0x20 && c < 0x7F) {
      out += ch;
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

bool UnescapeText(std::string_view stored, std::string& out) {
  if (!stored.starts_with(kEscapeMarker)) {
    out.append(stored.data(), stored.size());
    return true;
  }
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  const std::string_view body = stored.substr(kEscapeMarker.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    if (i + 1 < body.size() && body[i + 1] == '\\') {
      out += '\\';
      ++i;
    } else if (i + 3 < body.size() && body[i + 1] == 'x' && hex(body[i + 2]) >= 0 && hex(body[i + 3]) >= 0) {
      out += static_cast<char>(hex(body[i + 2]) * 16 + hex(body[i + 3]));
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

void PostgresStore::OnNotice(void* self, const PGresult* notice) {
  // A FATAL or PANIC report outside a query: the server is closing this
  // connection (e.g. pg_terminate_backend). Other notices are dropped.
  const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
  if (severity != nullptr && (std::string_view(severity) == "FATAL" || std::string_view(severity) == "PANIC")) {
    static_cast<PostgresStore*>(self)->server_closing_ = true;
  }
}

absl::Status PostgresStore::Error(const PGresult* result, std::string_view context) {
  const std::string_view state = SqlState(result);
  const char* primary = result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message = absl::StrCat("postgres ", ToAbsl(context), ": ",
                                     primary != nullptr ? std::string(primary) : Trimmed(PQerrorMessage(conn_)));
  if (!state.empty()) absl::StrAppend(&message, " (SQLSTATE ", ToAbsl(state), ")");
  if (PQstatus(conn_) != CONNECTION_OK || IsConnectionState(state) || (result == nullptr && state.empty())) {
    return absl::UnavailableError(
        absl::StrCat(message, ": connection lost (an unfinished transaction is rolled back: nothing was written)"));
  }
  if (IsRetryableState(state)) {
    retryable_ = true;
    return absl::AbortedError(message);
  }
  if (state == "42501") return absl::PermissionDeniedError(message);
  if (state == "3F000" || state == "3D000") return absl::FailedPreconditionError(message);
  if (state == "53300") return absl::UnavailableError(message);
  if (state.starts_with("53")) return absl::ResourceExhaustedError(message);
  if (state.starts_with("22")) return absl::InvalidArgumentError(message);
  return absl::InternalError(message);
}

absl::StatusOr<ResultPtr> PostgresStore::Check(ResultPtr result, std::string_view context) {
  const ExecStatusType status = result != nullptr ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN || status == PGRES_COPY_OUT) {
    return result;
  }
  return Error(result.get(), context);
}

absl::StatusOr<ResultPtr> PostgresStore::Exec(const std::string& sql, std::string_view context) {
  return Check(Wrap(PQexec(conn_, sql.c_str())), context);
}

absl::StatusOr<ResultPtr> PostgresStore::ExecPrepared(const std::string& name, std::string_view context) {
  return Check(Wrap(PQexecPrepared(conn_, name.c_str(), params_.size(), params_.values(), params_.lengths(),
                                   params_.formats(), /*resultFormat=*/1)),
               context);
}

absl::Status PostgresStore::Run(const std::string& name, std::string_view context) {
  params_.Reset(0);
  return ExecPrepared(name, context).status();
}

absl::Status PostgresStore::EnsureReady() {
  if (PQstatus(conn_) != CONNECTION_OK) {
    PQreset(conn_);
    prepared_ = false;
    if (PQstatus(conn_) != CONNECTION_OK) {
      return absl::UnavailableError(absl::StrCat("postgres reconnect: ", Trimmed(PQerrorMessage(conn_))));
    }
  }
  server_closing_ = false;
  if (PQtransactionStatus(conn_) != PQTRANS_IDLE) Rollback();
  return PrepareAll();
}

absl::Status PostgresStore::PrepareAll() {
  if (prepared_) return absl::OkStatus();
  for (const PreparedSql& p : prepared_sql_) {
    ResultPtr result =
        Wrap(PQprepare(conn_, p.name.c_str(), p.sql.c_str(), static_cast<int>(p.types.size()), p.types.data()));
    HRKIT_RETURN_IF_ERROR(Check(std::move(result), absl::StrCat("prepare ", p.sql)).status());
  }
  prepared_ = true;
  return absl::OkStatus();
}

void PostgresStore::Rollback() {
  if (PQstatus(conn_) != CONNECTION_OK) return;
  if (PQtransactionStatus(conn_) == PQTRANS_ACTIVE) {
    // In a COPY: end it (FROM STDIN: abort it; TO STDOUT: read it to its
    // end) and drain its results.
    (void)PQputCopyEnd(conn_, "abandoned by hrkit");
    while (PGresult* r = PQgetResult(conn_)) {
      const bool copy_out = PQresultStatus(r) == PGRES_COPY_OUT;
      PQclear(r);
      if (copy_out) {
        char* buffer = nullptr;
        while (PQgetCopyData(conn_, &buffer, 0) >= 0) {
          PQfreemem(buffer);
          buffer = nullptr;
        }
      }
      if (PQstatus(conn_) != CONNECTION_OK) return;
    }
  }
  if (PQtransactionStatus(conn_) == PQTRANS_INTRANS || PQtransactionStatus(conn_) == PQTRANS_INERROR) {
    PQclear(PQexec(conn_, "ROLLBACK"));
  }
}

absl::Status PostgresStore::CommitTransaction(std::string_view what, int attempt) {
  // Reads whatever the server sent since the last statement: a FATAL
  // report (parsed by PQisBusy, passed to OnNotice) or the end of the
  // connection.
  const bool read_ok = PQconsumeInput(conn_) != 0;
  (void)PQisBusy(conn_);
  if (!read_ok || PQstatus(conn_) != CONNECTION_OK || server_closing_) {
    return absl::UnavailableError(absl::StrCat("postgres ", ToAbsl(what), ": connection lost before COMMIT (",
                                               Trimmed(PQerrorMessage(conn_)), "); nothing was written"));
  }
  if (PQsendQuery(conn_, "COMMIT") == 0) {
    return absl::UnavailableError(absl::StrCat("postgres ", ToAbsl(what), ": could not send COMMIT (",
                                               Trimmed(PQerrorMessage(conn_)), "); nothing was written"));
  }
  Hook(WriteStage::kCommitSent, attempt);
  ResultPtr result = Wrap(nullptr);
  while (PGresult* r = PQgetResult(conn_)) {
    if (result == nullptr || PQresultStatus(r) != PGRES_COMMAND_OK) {
      result = Wrap(r);
    } else {
      PQclear(r);
    }
  }
  const std::string_view state = SqlState(result.get());
  if (result != nullptr && PQresultStatus(result.get()) == PGRES_COMMAND_OK) {
    if (std::string_view(PQcmdStatus(result.get())) == "COMMIT") return absl::OkStatus();
    return absl::InternalError(absl::StrCat("postgres ", ToAbsl(what), ": the server rolled the transaction back"));
  }
  if (result == nullptr || PQstatus(conn_) != CONNECTION_OK || IsConnectionState(state)) {
    const char* primary = result != nullptr ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    absl::Status unknown = absl::UnknownError(
        absl::StrCat("postgres ", ToAbsl(what), ": connection lost after COMMIT was sent (",
                     primary != nullptr ? std::string(primary) : Trimmed(PQerrorMessage(conn_)),
                     "): the outcome is unknown, the transaction may or may not have committed; re-read the rows "
                     "(their versions tell) before retrying"));
    unknown.SetPayload(kCommitOutcomeUnknownPayload, absl::Cord("unknown"));
    return unknown;
  }
  return Error(result.get(), absl::StrCat(ToAbsl(what), " COMMIT"));
}

void PostgresStore::Hook(WriteStage stage, int attempt) {
  if (hooks_.stage) hooks_.stage(stage, attempt);
}

}  // namespace hrkit::postgres_internal

namespace hrkit {

namespace postgres_internal {

// InvalidArgument unless every port the parsed URI names (a list for
// several hosts) is a number from 1 to 65535: libpq would report a bad port
// only as a failed connection.
absl::Status CheckPorts(const PQconninfoOption* options) {
  for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (std::string_view(o->keyword) != "port" || o->val == nullptr) continue;
    for (absl::string_view port : absl::StrSplit(o->val, ',')) {
      int value = 0;
      if (port.empty() || !absl::SimpleAtoi(port, &value) || value < 1 || value > 65535) {
        return absl::InvalidArgumentError(absl::StrCat("postgres store uri: port ",
                                                       QuoteUriForMessage(std::string_view(port.data(), port.size())),
                                                       " is not a port number (1 to 65535): correct the URI"));
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStoreWithHooks(std::string_view uri, const PostgresOptions& options,
                                                                  WriteHooks hooks) {
  if (options.max_attempts < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("postgres store: max_attempts must be at least 1, got ", options.max_attempts));
  }
  const std::string conninfo(uri);
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(conninfo.c_str(), &parse_error);
  if (parsed == nullptr) {
    // The message never repeats the URI: it may hold a password.
    const std::string why = parse_error != nullptr ? Trimmed(parse_error) : "out of memory";
    PQfreemem(parse_error);
    return absl::InvalidArgumentError(absl::StrCat("postgres store uri: ", why));
  }
  absl::Status ports = CheckPorts(parsed);
  PQconninfoFree(parsed);
  HRKIT_RETURN_IF_ERROR(ports);
  // The URI first; the keywords after it override it (client_encoding) or
  // fill a gap (fallback_application_name).
  const char* const keywords[] = {"dbname", "client_encoding", "fallback_application_name", nullptr};
  const char* const values[] = {conninfo.c_str(), "UTF8", "hrkit", nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn == nullptr) return absl::ResourceExhaustedError("postgres connect: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    absl::Status status = absl::UnavailableError(absl::StrCat("postgres connect: ", Trimmed(PQerrorMessage(conn))));
    PQfinish(conn);
    return status;
  }
  auto store = std::make_unique<PostgresStore>(conn, options, std::move(hooks));
  HRKIT_RETURN_IF_ERROR(GuardExceptions("open postgres store", [&] { return store->Init(); }));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace postgres_internal

absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStore(std::string_view uri, const PostgresOptions& options) {
  return postgres_internal::OpenPostgresStoreWithHooks(uri, options, {});
}

absl::Status RegisterPostgresBackend() {
  auto open = [](std::string_view uri) { return OpenPostgresStore(uri); };
  HRKIT_RETURN_IF_ERROR(RegisterStoreBackend("postgresql", open));
  return RegisterStoreBackend("postgres", open);
}

bool IsCommitOutcomeUnknown(const absl::Status& status) {
  return absl::IsUnknown(status) && status.GetPayload(postgres_internal::kCommitOutcomeUnknownPayload).has_value();
}

}  // namespace hrkit
