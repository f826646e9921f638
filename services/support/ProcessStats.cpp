// SPDX-License-Identifier: MIT
#include "ProcessStats.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace noc {

ProcessStats ProcessStats::read()
{
    return { readCpuSeconds(), readPssKib() };
}

double ProcessStats::readCpuSeconds()
{
#ifdef Q_OS_UNIX
    rusage usage {};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
#else
    return -1;
#endif
}

qint64 ProcessStats::readPssKib()
{
#ifdef Q_OS_LINUX
    // smaps_rollup (Linux 4.14) sums every mapping in the kernel: one small read, not the thousands of
    // lines of smaps.
    QFile rollup(QStringLiteral("/proc/self/smaps_rollup"));
    if (!rollup.open(QIODevice::ReadOnly))
        return -1;
    // A /proc file says its size is 0, so QFile's atEnd() holds from the start: read it whole.
    const QList<QByteArray> lines = rollup.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("Pss:")) {
            bool ok = false;
            const qint64 kib = line.mid(4).simplified().split(' ').value(0).toLongLong(&ok);
            return ok ? kib : -1;
        }
    }
    return -1;
#else
    return -1;
#endif
}

} // namespace noc
