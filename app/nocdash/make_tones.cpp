// SPDX-License-Identifier: MIT
// Build-time tool: writes the dashboard's tones as WAV files into the given folder (see ToneSynth.h).
#include "ToneSynth.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QTextStream err(stderr);
    if (argc != 2) {
        err << "usage: nocdash-make-tones OUTPUT_DIR\n";
        return 2;
    }
    const QString directory = QString::fromLocal8Bit(argv[1]);
    if (!QDir().mkpath(directory)) {
        err << "nocdash-make-tones: cannot create " << directory << '\n';
        return 1;
    }
    for (const Tone tone : kAllTones) {
        QFile file(directory + u'/' + toneFileName(tone));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(synthesizeToneWav(tone)) < 0) {
            err << "nocdash-make-tones: cannot write " << file.fileName() << '\n';
            return 1;
        }
    }
    return 0;
}
