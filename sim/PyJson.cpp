// SPDX-License-Identifier: MIT
#include "PyJson.h"

#include <QJsonDocument>
#include <QLocale>
#include <QVariant>

#include <cmath>

namespace noc::sim {

QByteArray PyJson::dumps(const QJsonValue &value)
{
    QByteArray out;
    write(out, value);
    return out;
}

std::optional<QJsonValue> PyJson::loads(const QByteArray &text)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::NoError) {
        return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    }
    // A scalar parses as the only element of an array; "1, 2" or "1] [2" do not.
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error == QJsonParseError::NoError && wrapped.array().size() == 1 && !text.trimmed().isEmpty()) {
        return wrapped.array().at(0);
    }
    return std::nullopt;
}

void PyJson::write(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double: {
        // QJsonValue keeps integers apart from doubles internally; toVariant() tells them apart.
        const QVariant variant = value.toVariant();
        if (variant.typeId() == QMetaType::LongLong || variant.typeId() == QMetaType::Int) {
            out += QByteArray::number(variant.toLongLong());
            return;
        }
        const double d = value.toDouble();
        if (!std::isfinite(d)) {
            out += "null";
            return;
        }
        QByteArray number = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        // Python's repr() always marks a float as one.
        if (!number.contains('.') && !number.contains('e') && !number.contains("inf")) {
            number += ".0";
        }
        out += number;
        return;
    }
    case QJsonValue::String:
        writeString(out, value.toString());
        return;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out += '[';
        bool first = true;
        for (const QJsonValue &element : array) {
            if (!first) {
                out += ", ";
            }
            first = false;
            write(out, element);
        }
        out += ']';
        return;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        out += '{';
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!first) {
                out += ", ";
            }
            first = false;
            writeString(out, it.key());
            out += ": ";
            write(out, it.value());
        }
        out += '}';
        return;
    }
    }
}

void PyJson::writeString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20 || c > 0x7e) {
                // UTF-16 code units, surrogate pairs included, exactly as ensure_ascii writes them.
                out += "\\u";
                out += hex[(c >> 12) & 0xf];
                out += hex[(c >> 8) & 0xf];
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

} // namespace noc::sim
