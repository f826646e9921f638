// SPDX-License-Identifier: MIT
#pragma once

#include "EngineLink.h"
#include "NocClient.h"
#include "SeriesFeed.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QXYSeries>

// Round-trip times over the last hour, one line per channel, bounded to maxSamples per channel.
class RttSeries : public SeriesFeed
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(noc::NocClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(int maxSamples READ maxSamples WRITE setMaxSamples NOTIFY maxSamplesChanged)
    Q_PROPERTY(int windowSeconds READ windowSeconds WRITE setWindowSeconds NOTIFY maxSamplesChanged)
    Q_PROPERTY(QDateTime axisMin READ axisMin NOTIFY pushed)
    Q_PROPERTY(QDateTime axisMax READ axisMax NOTIFY pushed)
    Q_PROPERTY(int maxMs READ maxMs NOTIFY pushed)
    Q_PROPERTY(int lastMs READ lastMs NOTIFY pushed)
    Q_PROPERTY(QStringList channels READ channels NOTIFY pushed)

public:
    explicit RttSeries(QObject *parent = nullptr);

    [[nodiscard]] noc::NocClient *client() const { return m_client; }
    void setClient(noc::NocClient *client);
    [[nodiscard]] int maxSamples() const { return m_maxSamples; }
    void setMaxSamples(int samples);
    [[nodiscard]] int windowSeconds() const { return m_windowSeconds; }
    void setWindowSeconds(int seconds);
    [[nodiscard]] QDateTime axisMin() const;
    [[nodiscard]] QDateTime axisMax() const;
    [[nodiscard]] int maxMs() const;
    [[nodiscard]] int lastMs() const { return m_lastMs; }
    [[nodiscard]] QStringList channels() const { return m_samples.keys(); }
    [[nodiscard]] int sampleCount(const QString &channel) const;

    Q_INVOKABLE void attach(const QString &channel, QXYSeries *series);
    void addSample(const QString &channel, int milliseconds, const QDateTime &at);

Q_SIGNALS:
    void clientChanged();
    void maxSamplesChanged();

protected:
    void push() override;

private:
    void trim(QList<QPointF> &points, qint64 nowMs) const;

    EngineLink m_client;
    QHash<QString, QList<QPointF>> m_samples; // x: ms since epoch, y: ms
    QList<QPair<QString, QPointer<QXYSeries>>> m_attached;
    int m_maxSamples = 3600;
    int m_windowSeconds = 3600;
    int m_lastMs = -1;
    bool m_sawEngineSamples = false;
    int m_lastPolledRtt = -1;
};
