#include "addtasksdialog.h"

#include "taskidparser.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace veo {

AddTasksDialog::AddTasksDialog(QWidget *parent)
    : QDialog(parent), m_intro(new QLabel(this)), m_edit(new QPlainTextEdit(this)),
      m_summary(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_intro->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_edit->setTabChangesFocus(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &AddTasksDialog::reparse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, 360);
    retranslateUi();
    reparse();
}

void AddTasksDialog::setText(const QString &text)
{
    m_edit->setPlainText(text);
}

void AddTasksDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void AddTasksDialog::retranslateUi()
{
    setWindowTitle(tr("Add Tasks"));
    m_intro->setText(tr("Paste one or more task IDs: one per line, or separated by spaces or "
                        "commas. Links that contain taskId=… work too."));
    m_edit->setAccessibleName(tr("Task IDs"));
    m_edit->setPlaceholderText(tr("e.g. veo_task_abcdef123456"));
    reparse();
}

void AddTasksDialog::reparse()
{
    const TaskIdParseResult parsed = parseTaskIds(m_edit->toPlainText());
    m_ids = parsed.ids;
    QStringList lines;
    if (!parsed.ids.isEmpty()) {
        lines << tr("%n task ID(s) ready to add.", nullptr, int(parsed.ids.size()));
    }
    if (parsed.duplicates > 0) {
        lines << tr("%n repeated ID(s) will be added once.", nullptr, parsed.duplicates);
    }
    if (!parsed.invalid.isEmpty()) {
        const int shown = 8;
        QString list = parsed.invalid.mid(0, shown).join(QStringLiteral(", "));
        if (parsed.invalid.size() > shown) {
            list += QStringLiteral(", …");
        }
        lines << tr("%n entry(ies) are not task IDs and will be skipped: %1", nullptr,
                    int(parsed.invalid.size()))
                     .arg(list);
    }
    m_summary->setText(lines.join(QLatin1Char('\n')));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Add"));
    ok->setEnabled(!m_ids.isEmpty());
}

} // namespace veo
