// SPDX-License-Identifier: MIT
#pragma once

// The CPU time this process has used so far, all threads, in seconds; -1 where the platform's
// accounting is not read (only POSIX is). For self-checks and benchmarks that report their own cost.
[[nodiscard]] double processCpuSeconds();
