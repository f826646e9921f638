// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace noc {

// What this process costs the machine, read from the operating system: for the hourly health line, the
// Diagnostics tab, self-checks and benchmarks that report their own cost.
struct ProcessStats
{
    // CPU time used so far, every thread, user and system, in seconds; -1 where it is not read (only
    // POSIX is).
    double cpuSeconds = -1;
    // Proportional set size (shared pages split among the processes that map them), in KiB: what the
    // process adds to the machine's memory. -1 where it is not read (only Linux has it).
    qint64 pssKib = -1;

    [[nodiscard]] static ProcessStats read();
    [[nodiscard]] static double readCpuSeconds();
    [[nodiscard]] static qint64 readPssKib();
};

} // namespace noc
