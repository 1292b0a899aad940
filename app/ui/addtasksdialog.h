#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace veo {

// Takes one or many task IDs pasted in any shape; entries that are not IDs are listed.
class AddTasksDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddTasksDialog)

public:
    explicit AddTasksDialog(QWidget *parent = nullptr);
    QStringList taskIds() const { return m_ids; }
    void setText(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void reparse();

    QLabel *m_intro;
    QPlainTextEdit *m_edit;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    QStringList m_ids;
};

} // namespace veo
