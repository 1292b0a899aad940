#pragma once

#include "veofollowups.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace veo {

// Extend a finished video with a new prompt (POST /veo/extend): the prompt (prefilled from the
// original), the model, optional seeds and watermark, the key it is charged to and what it
// costs. The request is sent once, by FollowUps, when the dialog is accepted.
class ExtendDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExtendDialog)

public:
    // keyText: the key that pays ("Work · 1,280 credits").
    ExtendDialog(const QString &parentTaskId, const QString &prompt, const QString &keyText,
                 QWidget *parent = nullptr);
    ExtendOptions options() const;

private:
    void updateOk();

    QString m_parentTaskId;
    QPlainTextEdit *m_prompt;
    QLabel *m_count;
    QComboBox *m_model;
    QSpinBox *m_seeds;
    QLineEdit *m_watermark;
    QDialogButtonBox *m_buttons;
};

} // namespace veo
