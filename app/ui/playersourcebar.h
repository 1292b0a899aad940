#pragma once

#include "mediasources.h"

#include <QList>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QMenu;
class QToolButton;

namespace veo {

// The row above the video: the switcher between the selected task's videos (result, origin,
// full; numbered when a list has several) and the buttons for the one selected (Download while
// it is not on disk, Open in browser, Open with system player) and for the task (Upgrade and
// Extend). The buttons give way in a narrow pane: short texts, Download as an icon, then the
// last buttons into a "…" menu. Holds the list and the selection; the pane decides what to
// load. Its strings are in the pane's translation context
// ("veo::PlayerPane"): for a translator it is one pane.
class PlayerSourceBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlayerSourceBar)

public:
    explicit PlayerSourceBar(QWidget *parent = nullptr);

    // Shows these sources with the row `current` selected (-1: none); emits nothing.
    void setSources(const QList<MediaSource> &sources, int current);
    const QList<MediaSource> &sources() const { return m_sources; }
    int currentRow() const { return m_current; }
    std::optional<MediaSource> currentSource() const;
    // Selects the source of that kind and index as the switcher does, but emits nothing;
    // false when the list has no such source.
    bool select(MediaKind kind, int index);
    // The "Upgrade and Extend" menu of the shown task (not owned); null hides its button.
    void setFollowUpMenu(QMenu *menu);
    // The label, the switcher and "…": the row gives way down to that (fitRow()), so the
    // buttons never hold the pane, or the window, wider than it is.
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The user chose another source in the switcher (currentSource() is the new one).
    void sourceChosen();
    void downloadClicked();
    void openInBrowserClicked();
    void openWithSystemPlayerClicked();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    // Full button texts when they fit; else short ones, then Download as an icon, then the
    // buttons from the last one on in the "…" menu, until the row fits.
    void fitRow();
    // The buttons the shown source and task offer, in their order in the row.
    QList<QToolButton *> offeredButtons() const;
    void fillMoreMenu();

    QLabel *m_label;
    QComboBox *m_switcher;
    QToolButton *m_downloadButton;
    QToolButton *m_browserButton;
    QToolButton *m_systemPlayerButton;
    QToolButton *m_followUpButton;
    QToolButton *m_moreButton; // "…": the buttons with no room in the row
    QMenu *m_moreMenu;
    QList<MediaSource> m_sources;
    int m_current = -1; // index into m_sources
    // {full, short} texts of the two open buttons; the accessible names stay full.
    QStringList m_browserTexts;
    QStringList m_systemPlayerTexts;
    QStringList m_followUpTexts;
    bool m_fitting = false; // fitRow() changes the size hint: no re-entry
};

} // namespace veo
