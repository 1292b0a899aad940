#pragma once

#include <QFrame>

class QAction;
class QLabel;
class QToolButton;

namespace veo {

// A one-line notice above the task list (demo mode, a recovered database, no keyring),
// instead of a modal dialog that interrupts the user.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    enum class Kind { Info, Warning };
    explicit MessageBar(QWidget *parent = nullptr);
    void showMessage(const QString &text, Kind kind, bool closable = true);
    QString text() const;
    // A button for the action beside the text (e.g. Leave Demo); the action is not owned.
    void setAction(QAction *action);

private:
    QLabel *m_label;
    QToolButton *m_close;
};

} // namespace veo
