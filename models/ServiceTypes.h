// SPDX-License-Identifier: MIT
#pragma once

#include "NocClient.h"

#include <QtQml/qqml.h>

// The services layer knows nothing of QML; this is where its types become visible to it, by name and
// uncreatable: the application composes the client and hands it to QML as a property.
struct NocClientForeign
{
    Q_GADGET
    QML_FOREIGN(noc::NocClient)
    QML_NAMED_ELEMENT(NocClient)
    QML_UNCREATABLE("NocClient is created by the application")
};
