// SPDX-License-Identifier: MIT
#pragma once

#include "FrameRecord.h"
#include "NocClient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

// The last N frames in and out (already redacted by the engine), newest first, for the diagnostics
// view. Frames are collected as they come and shown a few times a second, so a storm of frames does
// not become a storm of row inserts. Only while `active` (the view is shown): otherwise it does not
// listen at all, and the engine does not redact frames for nobody.
class FrameLogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(noc::NocClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(int capacity READ capacity WRITE setCapacity NOTIFY capacityChanged)
    // Bind to the view's visibility. What was collected stays while inactive; nothing new is.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    // While paused the view holds still; frames keep being collected (the newest `capacity`).
    Q_PROPERTY(bool paused READ isPaused WRITE setPaused NOTIFY pausedChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(qint64 totalFrames READ totalFrames NOTIFY countChanged)

public:
    enum Role
    {
        DirectionRole = Qt::UserRole + 1, // int, noc::FrameRecord::Direction
        ChannelRole,
        AtRole,
        TextRole,
    };
    Q_ENUM(Role)

    explicit FrameLogModel(QObject *parent = nullptr);

    [[nodiscard]] noc::NocClient *client() const { return m_client; }
    void setClient(noc::NocClient *client);
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    [[nodiscard]] bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] qint64 totalFrames() const { return m_total; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void append(const noc::FrameRecord &frame);
    Q_INVOKABLE void flush();
    Q_INVOKABLE void clear();
    // Every frame shown, oldest first, one per line: for "copy to clipboard" in a bug report.
    [[nodiscard]] Q_INVOKABLE QString toText() const;

Q_SIGNALS:
    void clientChanged();
    void capacityChanged();
    void activeChanged();
    void pausedChanged();
    void countChanged();

private:
    void listen(bool on);

    QPointer<noc::NocClient> m_client;
    QMetaObject::Connection m_listening;
    QList<noc::FrameRecord> m_rows; // oldest first
    QList<noc::FrameRecord> m_pending;
    QTimer m_flushTimer;
    int m_capacity = 500;
    bool m_paused = false;
    bool m_active = true;
    qint64 m_total = 0;
};
