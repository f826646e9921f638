// SPDX-License-Identifier: MIT
#include "PlainAlertFrame.h"

#include "JsonRead.h"

#include <array>

namespace noc {

using namespace Qt::StringLiterals;

namespace {

// The fields alertNew() reads; each may appear once (a repeated one takes the general path, which
// knows which of the two JSON keeps).
enum Field : quint8
{
    Type,
    AlertId,
    AlertType,
    SeverityField,
    Message,
    ClientId,
    Location,
    Timestamp,
    CreatedAt,
    FieldCount
};

constexpr std::array<QLatin1StringView, FieldCount> kFieldNames {
    "type"_L1,      "alert_id"_L1, "alert_type"_L1, "severity"_L1,  "message"_L1,
    "client_id"_L1, "location"_L1, "timestamp"_L1,  "created_at"_L1
};

struct Value
{
    enum class Kind : quint8
    {
        Missing,
        String,
        Integer,
        Other // null, true, false: what json::text and json::timestamp read as nothing
    };
    Kind kind = Kind::Missing;
    QStringView text; // Kind::String without escapes: the characters between the quotes
    QString unescaped; // Kind::String with escapes: the string they stand for
    bool escaped = false;
    qint64 integer = 0;
};

class Scanner
{
public:
    explicit Scanner(QStringView text) : m_text(text) { }

    [[nodiscard]] bool atEnd() const { return m_at >= m_text.size(); }
    [[nodiscard]] char16_t peek() const { return atEnd() ? u'\0' : m_text[m_at].unicode(); }
    void skipSpace()
    {
        while (!atEnd()) {
            const char16_t c = peek();
            if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r')
                return;
            ++m_at;
        }
    }
    bool take(char16_t c)
    {
        if (peek() != c)
            return false;
        ++m_at;
        return true;
    }

    // A string of characters below the surrogates and without control characters (what round-trips
    // through UTF-8 and Qt's parser unchanged, beyond doubt). Escapes are read when `unescaped` is
    // given (values: Python's json.dumps writes every non-ASCII character as one), refused otherwise.
    bool plainString(QStringView &out, QString *unescaped = nullptr, bool *escaped = nullptr)
    {
        if (!take(u'"'))
            return false;
        // The hottest loop of a storm (every character of every frame): a local cursor the compiler
        // keeps in a register, and one unsigned comparison for both control characters and surrogates.
        const char16_t *const chars = m_text.utf16();
        const qsizetype first = m_at;
        const qsizetype end = m_text.size();
        for (qsizetype at = first; at < end; ++at) {
            const char16_t c = chars[at];
            if (c == u'"') {
                out = m_text.sliced(first, at - first);
                m_at = at + 1;
                return true;
            }
            if (c == u'\\') {
                if (!unescaped)
                    return false;
                *escaped = true;
                *unescaped = m_text.sliced(first, at - first).toString();
                m_at = at;
                return escapedRest(*unescaped);
            }
            if (char16_t(c - 0x20) >= char16_t(0xD800 - 0x20))
                return false;
        }
        return false;
    }

    // From the first backslash of a string to its closing quote.
    bool escapedRest(QString &out)
    {
        while (!atEnd()) {
            char16_t c = peek();
            ++m_at;
            if (c == u'"')
                return true;
            if (c == u'\\') {
                if (atEnd())
                    return false;
                const char16_t kind = peek();
                ++m_at;
                switch (kind) {
                case u'"':
                case u'\\':
                case u'/':
                    c = kind;
                    break;
                case u'b':
                    c = u'\b';
                    break;
                case u'f':
                    c = u'\f';
                    break;
                case u'n':
                    c = u'\n';
                    break;
                case u'r':
                    c = u'\r';
                    break;
                case u't':
                    c = u'\t';
                    break;
                case u'u':
                    if (!hex4(c) || c >= 0xD800)
                        return false; // surrogates (pairs or lone) and the specials: Qt's parser decides
                    break;
                default:
                    return false;
                }
            } else if (c < 0x20 || c >= 0xD800) {
                return false;
            }
            out.append(QChar(c));
        }
        return false;
    }

    bool hex4(char16_t &out)
    {
        if (m_text.size() - m_at < 4)
            return false;
        int value = 0;
        for (int i = 0; i < 4; ++i) {
            const char16_t h = peek();
            ++m_at;
            value *= 16;
            if (h >= u'0' && h <= u'9')
                value += h - u'0';
            else if (h >= u'a' && h <= u'f')
                value += h - u'a' + 10;
            else if (h >= u'A' && h <= u'F')
                value += h - u'A' + 10;
            else
                return false;
        }
        out = static_cast<char16_t>(value);
        return true;
    }

    // JSON's integer grammar, at most 15 digits (exact as a double, as Qt's parser holds numbers),
    // and no fraction or exponent after it.
    bool integer(qint64 &out)
    {
        const bool negative = take(u'-');
        const qsizetype first = m_at;
        qint64 value = 0;
        while (!atEnd() && peek() >= u'0' && peek() <= u'9' && m_at - first < 16) {
            value = value * 10 + (peek() - u'0');
            ++m_at;
        }
        const qsizetype digits = m_at - first;
        if (digits == 0 || digits > 15 || (digits > 1 && m_text[first] == u'0'))
            return false;
        const char16_t next = peek();
        if (next == u'.' || next == u'e' || next == u'E' || (next >= u'0' && next <= u'9'))
            return false;
        out = negative ? -value : value;
        return true;
    }

    bool word(QLatin1StringView literal)
    {
        if (!m_text.sliced(m_at).startsWith(literal))
            return false;
        m_at += literal.size();
        return true;
    }

    bool value(Value &out)
    {
        switch (peek()) {
        case u'"':
            out.kind = Value::Kind::String;
            out.escaped = false; // `out` may be the scratch value, read before
            return plainString(out.text, &out.unescaped, &out.escaped);
        case u'n':
            out.kind = Value::Kind::Other;
            return word("null"_L1);
        case u't':
            out.kind = Value::Kind::Other;
            return word("true"_L1);
        case u'f':
            out.kind = Value::Kind::Other;
            return word("false"_L1);
        default:
            out.kind = Value::Kind::Integer;
            return integer(out.integer);
        }
    }

private:
    QStringView m_text;
    qsizetype m_at = 0;
};

bool readFields(QStringView frame, std::array<Value, FieldCount> &fields)
{
    Scanner in(frame);
    in.skipSpace();
    if (!in.take(u'{'))
        return false;
    in.skipSpace();
    if (in.take(u'}'))
        return false; // no type
    Value ignored; // a field alertNew() does not read
    for (;;) {
        QStringView key;
        if (!in.plainString(key))
            return false;
        in.skipSpace();
        if (!in.take(u':'))
            return false;
        in.skipSpace();
        Value *into = &ignored;
        for (size_t f = 0; f < fields.size(); ++f) {
            // The length first: most names are told apart without a call into Qt's comparison.
            if (key.size() == kFieldNames.at(f).size() && key == kFieldNames.at(f)) {
                if (fields.at(f).kind != Value::Kind::Missing)
                    return false;
                into = &fields.at(f);
                break;
            }
        }
        if (!in.value(*into))
            return false;
        in.skipSpace();
        if (in.take(u','))
            in.skipSpace();
        else if (in.take(u'}'))
            break;
        else
            return false;
    }
    in.skipSpace();
    return in.atEnd();
}

// As json::text reads the same value.
QString text(const Value &value)
{
    switch (value.kind) {
    case Value::Kind::String:
        return value.escaped ? value.unescaped : value.text.toString();
    case Value::Kind::Integer:
        return QString::number(value.integer);
    case Value::Kind::Missing:
    case Value::Kind::Other:
        break;
    }
    return {};
}

// As json::timestamp reads the same value.
QDateTime timestamp(const Value &value)
{
    if (value.kind == Value::Kind::String)
        return json::parseTimestamp(value.escaped ? QStringView(value.unescaped) : value.text);
    if (value.kind == Value::Kind::Integer) {
        constexpr qint64 kMaxSeconds = 253402300799; // 9999-12-31
        if (value.integer < 0 || value.integer > kMaxSeconds)
            return {};
        return QDateTime::fromMSecsSinceEpoch(value.integer * 1000, Qt::UTC);
    }
    return {};
}

} // namespace

std::optional<Alert> readPlainAlertNew(QStringView frame, const QDateTime &receivedAt,
                                       RecurringStrings *recurring)
{
    std::array<Value, FieldCount> fields {};
    if (!readFields(frame, fields))
        return std::nullopt;
    const Value &type = fields.at(Type);
    if (type.kind != Value::Kind::String || type.escaped || type.text != "alert_new"_L1)
        return std::nullopt;
    Alert alert;
    alert.kind = AlertKind::Alert;
    alert.receivedAt = receivedAt;
    alert.id = text(fields.at(AlertId));
    if (alert.id.isEmpty())
        return std::nullopt; // malformed: the general path says so
    const Value &severity = fields.at(SeverityField);
    alert.severity = severity.kind == Value::Kind::String
        ? severityFromString(severity.escaped ? QStringView(severity.unescaped) : severity.text)
        : Severity::Unknown;
    const auto shared = [recurring](const Value &value) {
        if (!recurring || value.kind != Value::Kind::String || value.escaped)
            return text(value);
        return recurring->get(value.text);
    };
    alert.clientId = shared(fields.at(ClientId));
    alert.type = shared(fields.at(AlertType));
    alert.message = text(fields.at(Message));
    alert.location = shared(fields.at(Location));
    alert.occurredAt = timestamp(fields.at(Timestamp));
    if (!alert.occurredAt.isValid())
        alert.occurredAt = timestamp(fields.at(CreatedAt));
    return alert;
}

} // namespace noc
