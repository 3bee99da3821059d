#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace ipsec {

// Error categories map one-to-one onto the documented exit codes of the command-line tools.
enum class ErrorCode {
    Usage = 2,      // bad command line or bad value given by the user
    NotFound = 3,   // a named object does not exist
    Store = 4,      // the policy store cannot be opened, read or written
    Conflict = 5,   // the request contradicts what is stored (duplicate name, object in use)
    Kernel = 6,     // the kernel refused or could not be reached
    Permission = 7, // the caller may not do this
};

struct Error {
    ErrorCode code = ErrorCode::Usage;
    QString message;

    static Error usage(QString m) { return {ErrorCode::Usage, std::move(m)}; }
    static Error notFound(QString m) { return {ErrorCode::NotFound, std::move(m)}; }
    static Error store(QString m) { return {ErrorCode::Store, std::move(m)}; }
    static Error conflict(QString m) { return {ErrorCode::Conflict, std::move(m)}; }
    static Error kernel(QString m) { return {ErrorCode::Kernel, std::move(m)}; }
    static Error permission(QString m) { return {ErrorCode::Permission, std::move(m)}; }
};

// A value or an Error. Small on purpose: C++20 has no std::expected.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_data); }
    const T &value() const & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace ipsec
