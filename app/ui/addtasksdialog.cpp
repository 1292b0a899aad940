#include "addtasksdialog.h"

#include "keyring.h"
#include "taskidparser.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <iterator>

namespace veo {

AddTasksDialog::AddTasksDialog(QWidget *parent)
    : QDialog(parent), m_intro(new QLabel(this)), m_edit(new QPlainTextEdit(this)),
      m_keyLabel(new QLabel(this)), m_keyCombo(new QComboBox(this)), m_summary(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_intro->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_edit->setTabChangesFocus(true);
    m_keyCombo->setObjectName(QStringLiteral("keyCombo"));
    m_keyLabel->setBuddy(m_keyCombo);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyLabel);
    keyRow->addWidget(m_keyCombo, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_edit, 1);
    layout->addLayout(keyRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &AddTasksDialog::reparse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, 360);
    retranslateUi(); // also hides the key choice until there are keys
    reparse();
}

void AddTasksDialog::setText(const QString &text)
{
    m_edit->setPlainText(text);
}

void AddTasksDialog::setKeys(const QList<KeyProfile> &profiles, const QString &defaultKeyId)
{
    m_profiles = profiles;
    m_defaultKeyId = defaultKeyId;
    fillKeys();
    const auto isDefault = [&defaultKeyId](const KeyProfile &p) { return p.id == defaultKeyId; };
    const auto it = std::find_if(m_profiles.cbegin(), m_profiles.cend(), isDefault);
    m_keyCombo->setCurrentIndex(
        it == m_profiles.cend() ? 0 : int(std::distance(m_profiles.cbegin(), it)));
}

KeyChoice AddTasksDialog::keyChoice() const
{
    const int index = m_keyCombo->currentIndex();
    if (index < 0 || m_profiles.isEmpty()) {
        return {};
    }
    if (index >= m_profiles.size()) {
        return {true, {}};
    }
    return {false, KeyRing::storedId(m_profiles.at(index).id)};
}

void AddTasksDialog::fillKeys()
{
    const int current = m_keyCombo->currentIndex();
    m_keyCombo->clear();
    for (const KeyProfile &p : std::as_const(m_profiles)) {
        const QString hint = p.displayHint();
        //: An API key in the key list. %1: the key's name, %2: the end of the key ("…abcd")
        QString text = hint.isEmpty() ? p.label : tr("%1 (%2)").arg(p.label, hint);
        if (p.id == m_defaultKeyId) {
            //: Marks the default API key in the key list. %1: the key's name and hint
            text = tr("%1 — default").arg(text);
        }
        m_keyCombo->addItem(text);
    }
    if (m_profiles.size() > 1) {
        //: Last entry of the key list: for task IDs whose key is not known
        m_keyCombo->addItem(tr("Try all keys"));
        m_keyCombo->setItemData(
            m_keyCombo->count() - 1,
            tr("Each key is asked in turn, the default first; the task is kept with the key "
               "that knows it."),
            Qt::ToolTipRole);
    }
    if (current >= 0 && current < m_keyCombo->count()) {
        m_keyCombo->setCurrentIndex(current);
    }
    // One key is shown (the user sees which one) but there is nothing to choose.
    m_keyCombo->setEnabled(m_profiles.size() > 1);
    m_keyLabel->setVisible(!m_profiles.isEmpty());
    m_keyCombo->setVisible(!m_profiles.isEmpty());
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
    //: Label of the list of API keys in the Add Tasks dialog
    m_keyLabel->setText(tr("API &key:"));
    m_keyCombo->setAccessibleName(tr("API key for these tasks"));
    m_keyCombo->setAccessibleDescription(
        tr("The key the tasks are checked with. Choose “Try all keys” when you do not know "
           "which key created them."));
    fillKeys();
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
