// SPDX-License-Identifier: MIT
// NocClient's REST side beyond the list's upkeep: the lifecycle actions (AlertActions) and the reads a
// person asks for (AlertLookup), wired to the session they need.
#include "Clock.h"
#include "LoggingCategories.h"
#include "NocClient.h"
#include "SessionTokens.h"

namespace noc {

using namespace Qt::StringLiterals;

namespace {
// Current servers close every dashboard socket of the tenant with 1011 when an action succeeds, possibly
// before its HTTP answer: a 1011 this soon after one of our calls began is ours.
constexpr qint64 kOwnActionCloseWindowMs = 15000;
// After the answer: the close of an action the server carried out follows at once, or never.
constexpr qint64 kAfterAnswerWindowMs = 3000;
} // namespace

void NocClient::wireRecords()
{
    m_actions->setAccess([this] { return m_session->access(); });
    connect(m_actions, &AlertActions::pendingChanged, this, &NocClient::pendingActionsChanged);
    connect(m_actions, &AlertActions::actionPending, this, &NocClient::alertActionPending);
    connect(m_actions, &AlertActions::callStarting, this, [this] {
        m_session->driver().expectTenantClose(m_clock->monotonicMs() + kOwnActionCloseWindowMs);
    });
    connect(m_actions, &AlertActions::callAnswered, this, [this](bool acted) {
        // A refused call changes nothing and closes nothing: a 1011 now is a colleague's news.
        if (!acted)
            m_session->driver().withdrawTenantClose();
        else
            m_session->driver().limitTenantClose(m_clock->monotonicMs() + kAfterAnswerWindowMs);
    });
    connect(m_actions, &AlertActions::settled, this, [this](const AlertActionOutcome &outcome) {
        Q_EMIT alertActionSettled(outcome);
        if (!outcome.done)
            return;
        // No answer carries the updated record: the list follows what the server confirmed.
        static constexpr AlertStatus kAfter[]
            = { AlertStatus::Resolved, AlertStatus::Assigned, AlertStatus::Escalated };
        Q_EMIT alertStatusChanged(outcome.alertId, kAfter[static_cast<int>(outcome.kind)], outcome.at);
    });
    connect(m_actions, &AlertActions::tokenRejected, m_session, &Session::renewTokenInBackground);
    // REST needs a token, not the socket: actions go as soon as the session has one.
    connect(&m_session->tokens(), &SessionTokens::renewed, m_actions, [this] {
        m_actions->setActive(true);
        m_actions->resume();
    });
    connect(&m_session->driver(), &ConnectionDriver::stateChanged, m_actions,
            [this](ConnectionDriver::State, ConnectionDriver::State to) {
                if (to == ConnectionDriver::State::Connected) {
                    m_actions->setActive(true);
                    m_actions->resume();
                }
            });

    // The list's reads and a person's reads wait for a renewed token as the actions do.
    m_lookup->setAccess([this] { return m_session->access(); });
    connect(m_lookup, &AlertLookup::tokenRejected, m_session, &Session::renewTokenInBackground);
    connect(&m_session->tokens(), &SessionTokens::renewed, this, [this] {
        m_history->tokenRenewed();
        m_lookup->tokenRenewed();
    });
    connect(m_lookup, &AlertLookup::listed, this, &NocClient::alertsListed);
    connect(m_lookup, &AlertLookup::detailRead, this, &NocClient::alertDetailRead);
    connect(m_lookup, &AlertLookup::failed, this, [this](const QString &alertId, const AlertApiError &error) {
        const bool refused = error.kind == AlertApiErrorKind::HistoryRefused
            || error.kind == AlertApiErrorKind::EndpointMissing;
        Q_EMIT alertLookupFailed(alertId, u"HTTP %1: %2"_s.arg(error.httpStatus).arg(error.message), refused);
    });
}

QString NocClient::requestAction(AlertActionKind kind, const QStringList &alertIds, const QString &text,
                                 int userId)
{
    // A text the server would refuse is refused here, before anything is queued, like any refusal:
    // every id answered, none sent.
    if (!fitsAlertActionText(kind, text)) {
        const QString reason = tr("text longer than %1 characters").arg(alertActionTextLimit(kind));
        const QDateTime now = m_clock->nowUtc();
        for (const QString &id : alertIds)
            Q_EMIT alertActionSettled(AlertActionOutcome { {}, kind, id, false, reason, {}, now });
        return {};
    }
    return m_actions->request(kind, alertIds, text, userId);
}

void NocClient::resolve(const QStringList &alertIds, const QString &notes)
{
    requestAction(AlertActionKind::Resolve, alertIds, notes);
}

void NocClient::assign(const QStringList &alertIds, int userId, const QString &comment)
{
    requestAction(AlertActionKind::Assign, alertIds, comment, userId);
}

void NocClient::escalate(const QStringList &alertIds, int userId, const QString &reason)
{
    requestAction(AlertActionKind::Escalate, alertIds, reason, userId);
}

void NocClient::listAlerts(const QStringList &statuses, int pageBudget)
{
    if (m_session->access().accessToken.isEmpty()) {
        Q_EMIT alertLookupFailed({}, tr("Not signed in"), false);
        return;
    }
    m_lookup->list(statuses, pageBudget);
}

void NocClient::readAlertDetail(const QString &alertId)
{
    if (m_session->access().accessToken.isEmpty())
        return; // signing in changes the state, and the details pane asks again
    m_lookup->detail(alertId);
}

} // namespace noc
