// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QTime>

#include <optional>

// The hours of local time in which a wall lets its display sleep, "23:00-06:00" ([wall] blankHours):
// from the first time (inclusive) to the second (exclusive), across midnight when the second is earlier.
struct BlankHours
{
    QTime start;
    QTime end;

    // "HH:MM-HH:MM"; nothing for anything else, an equal start and end included (all day or never?).
    [[nodiscard]] static std::optional<BlankHours> parse(const QString &text);
    [[nodiscard]] bool contains(QTime time) const;
    // The first moment after `now` (local time) at which contains() turns: the next start or end.
    [[nodiscard]] QDateTime nextChangeAfter(const QDateTime &now) const;
    [[nodiscard]] QString toString() const;
};
