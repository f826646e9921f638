// SPDX-License-Identifier: MIT
// Without libFuzzer (gcc, normal builds): feeds every file of the given corpus directories (or single
// files) to LLVMFuzzerTestOneInput once, so the seed corpus and every crash input saved next to it stay
// regression tests in the ordinary suite, and under ASan/UBSan in the sanitizer build.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTextStream>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

int main(int argc, char *argv[])
{
    LLVMFuzzerInitialize(&argc, &argv);
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QFile::decodeName(argv[i]);
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(it.next());
        } else {
            files.append(path);
        }
    }
    QTextStream out(stdout);
    if (files.isEmpty()) {
        out << "replay: no inputs\n";
        return 1;
    }
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            out << "replay: cannot read " << path << '\n';
            return 1;
        }
        const QByteArray data = file.readAll();
        if (LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(data.constData()),
                                   static_cast<std::size_t>(data.size()))
            != 0) {
            out << "replay: " << path << " returned non-zero\n";
            return 1;
        }
    }
    out << "replay: " << files.size() << " inputs, no finding\n";
    return 0;
}
