// SPDX-License-Identifier: MIT
#include "AlertAction.h"

namespace noc {

using namespace Qt::StringLiterals;

QString alertActionName(AlertActionKind kind)
{
    switch (kind) {
    case AlertActionKind::Resolve:
        return u"resolve"_s;
    case AlertActionKind::Assign:
        return u"assign"_s;
    case AlertActionKind::Escalate:
        return u"escalate"_s;
    }
    return {};
}

bool fitsAlertActionText(AlertActionKind kind, QStringView text)
{
    const int limit = alertActionTextLimit(kind);
    // Only a text longer in UTF-16 units than the limit can be over it in characters.
    return text.size() <= limit || text.toUcs4().size() <= limit;
}

std::optional<AlertActionKind> alertActionFromName(QStringView name)
{
    for (const AlertActionKind kind :
         { AlertActionKind::Resolve, AlertActionKind::Assign, AlertActionKind::Escalate }) {
        if (name.compare(alertActionName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

} // namespace noc
