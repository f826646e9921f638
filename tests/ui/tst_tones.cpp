// SPDX-License-Identifier: MIT
// The alert tones as the executable carries them: resources that Qt Multimedia's decoder reads. Runs
// without an audio device (ctest points PulseAudio nowhere): that path must stay quiet and never block.
// With a device, QSoundEffect loading and playing them is checked by check_sound_nullsink.sh.
#include "TonePlayer.h"
#include "ToneSynth.h"

#include <QAudioBuffer>
#include <QAudioDecoder>
#include <QAudioDevice>
#include <QFile>
#include <QGuiApplication>
#include <QMediaDevices>
#include <QSignalSpy>
#include <QSoundEffect>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
int patternMs(Tone tone)
{
    switch (tone) {
    case Tone::Critical:
        return 140 + 60 + 140 + 60 + 220;
    case Tone::High:
        return 160 + 80 + 200;
    case Tone::Medium:
        return 180;
    case Tone::FeedLost:
        return 200 + 40 + 320;
    }
    return 0;
}

// Length of each tone's beep pattern (ToneSynth.cpp), and the 250 ms of silence after it.
int expectedMs(Tone tone)
{
    return 250 + patternMs(tone);
}

struct Decoded
{
    qint64 durationUs = 0;
    double peak = 0; // 0..1
    QString error;
};

double peakOf(const QAudioBuffer &buffer)
{
    double peak = 0;
    const QAudioFormat format = buffer.format();
    const int samples = static_cast<int>(buffer.sampleCount());
    if (format.sampleFormat() == QAudioFormat::Int16) {
        const auto *data = buffer.constData<qint16>();
        for (int i = 0; i < samples; ++i)
            peak = std::max(peak, std::abs(data[i]) / 32768.0);
    } else if (format.sampleFormat() == QAudioFormat::Float) {
        const auto *data = buffer.constData<float>();
        for (int i = 0; i < samples; ++i)
            peak = std::max(peak, double(std::abs(data[i])));
    } else if (format.sampleFormat() == QAudioFormat::Int32) {
        const auto *data = buffer.constData<qint32>();
        for (int i = 0; i < samples; ++i)
            peak = std::max(peak, std::abs(double(data[i])) / 2147483648.0);
    }
    return peak;
}

Decoded decode(const QString &resource)
{
    Decoded result;
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = u"cannot open "_s + resource;
        return result;
    }
    QAudioDecoder decoder;
    decoder.setSourceDevice(&file);
    QObject::connect(&decoder, &QAudioDecoder::bufferReady, &decoder, [&] {
        const QAudioBuffer buffer = decoder.read();
        result.durationUs += buffer.duration();
        result.peak = std::max(result.peak, peakOf(buffer));
    });
    QObject::connect(&decoder, qOverload<QAudioDecoder::Error>(&QAudioDecoder::error), &decoder,
                     [&] { result.error = decoder.errorString(); });
    QSignalSpy finished(&decoder, &QAudioDecoder::finished);
    decoder.start();
    if (!finished.wait(10'000) && result.error.isEmpty())
        result.error = u"decoding did not finish"_s;
    return result;
}
} // namespace

class TestTones : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyToneIsAResource()
    {
        QSet<QByteArray> distinct;
        for (const Tone tone : kAllTones) {
            QFile file(u":/sounds/"_s + toneFileName(tone));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QByteArray wav = file.readAll();
            QVERIFY(wav.startsWith("RIFF"));
            QCOMPARE(wav.mid(8, 8), QByteArray("WAVEfmt "));
            // What the build-time tool wrote is what ToneSynth makes: the resource is not stale.
            QCOMPARE(wav, synthesizeToneWav(tone));
            distinct.insert(wav);
        }
        QCOMPARE(distinct.size(), qsizetype(kAllTones.size()));
    }

    void qtsDecoderReadsEveryTone()
    {
        for (const Tone tone : kAllTones) {
            const Decoded decoded = decode(u":/sounds/"_s + toneFileName(tone));
            QVERIFY2(decoded.error.isEmpty(), qPrintable(toneFileName(tone) + u": "_s + decoded.error));
            QVERIFY2(std::abs(decoded.durationUs / 1000 - expectedMs(tone)) <= 2,
                     qPrintable(u"%1: %2 us"_s.arg(toneFileName(tone)).arg(decoded.durationUs)));
            // The beeps are synthesised at 0.35 of full scale.
            QVERIFY2(decoded.peak > 0.33 && decoded.peak < 0.37, qPrintable(QString::number(decoded.peak)));
        }
    }

    void noDeviceIsSaidOnceAndNothingPlays()
    {
        QVERIFY2(QMediaDevices::audioOutputs().isEmpty(),
                 "ctest runs this with PULSE_SERVER pointing nowhere");
        QTest::ignoreMessage(QtWarningMsg, "no audio output device: alert sounds are off");
        // Qt's own warning, once per effect that loads without a device: the player does not load them.
        QTest::failOnWarning("No audio device detected");
        SoundEffectTonePlayer player;
        QVERIFY(!player.hasOutput());
        for (const Tone tone : kAllTones)
            QVERIFY(player.effect(tone)->source().isEmpty());
        // play() is a no-op: nothing starts, nothing blocks, nothing more is logged.
        player.play(Tone::Critical, 100);
        QVERIFY(!player.effect(Tone::Critical)->isPlaying());
        QCoreApplication::processEvents();
    }
};

QTEST_MAIN(TestTones)
#include "tst_tones.moc"
