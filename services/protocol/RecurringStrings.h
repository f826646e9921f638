// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <array>

namespace noc {

// The few values a stream repeats in every frame (client, site, alert type): each is allocated once
// and every alert that names it shares that copy. A storm then allocates and frees three strings
// fewer per alert, the retained list holds each value once, and readers that meet the same value
// again can tell by its data pointer. A small direct-mapped table: a value that does not recur simply
// costs what a copy costs.
class RecurringStrings
{
public:
    [[nodiscard]] QString get(QStringView text);

private:
    static constexpr size_t kSlots = 64;
    std::array<QString, kSlots> m_slots;
};

} // namespace noc
