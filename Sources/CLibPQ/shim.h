// libpq, PostgreSQL's C client (Debian: libpq-dev). Its calls are plain C (no varargs), so Swift
// uses them directly through one-line wrappers in ClaimTrackCore/Record/Postgres/PGConnection.swift.
#include <libpq-fe.h>
