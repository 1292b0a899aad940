#include "tokenstore.h"

#include <QCoreApplication>

namespace veo {

QString TokenResult::userMessage() const
{
    // QtKeychain's own texts are English (or Traditional Chinese) only, so they are never shown
    // alone: every status gets our own translated sentence, OtherError appends the details.
    switch (status) {
    case Status::Ok:
        return {};
    case Status::NotFound:
        //: Keyring read: the Secret Service works, but has no entry for this API key name
        return QCoreApplication::translate("TokenResult",
                                           "No API key is stored in the system keyring under "
                                           "this name. Enter the key again to store it.");
    case Status::NoBackend:
        //: Keyring unusable: no Secret Service (gnome-keyring, KWallet) answers on D-Bus.
        //: Keep the package names and the command unchanged.
        return QCoreApplication::translate(
            "TokenResult",
            "No Secret Service (system keyring) is running, so API keys cannot be stored "
            "securely. Install and start gnome-keyring or KWallet (Debian: apt install "
            "gnome-keyring libsecret-1-0), then restart Veo Tracker. Meanwhile you can use a "
            "session-only key, which is forgotten when the app quits.");
    case Status::AccessDenied:
        //: Keyring exists but refused access: locked (e.g. no login unlock) or the user said no
        return QCoreApplication::translate(
            "TokenResult",
            "The system keyring is locked or refused access. Unlock it (for example in "
            "\"Passwords and Keys\" or by logging in again) and try again.");
    case Status::Cancelled:
        //: Keyring operation cancelled (by the user or because the app is closing)
        return QCoreApplication::translate("TokenResult", "The keyring operation was cancelled.");
    case Status::OtherError:
        if (details.isEmpty()) {
            //: Keyring failure without any further explanation from the keyring
            return QCoreApplication::translate("TokenResult",
                                               "The system keyring reported an unknown error.");
        }
        //: Keyring failure; %1 is the keyring's own message, usually English
        return QCoreApplication::translate("TokenResult",
                                           "The system keyring reported an error: %1")
            .arg(details);
    }
    return {};
}

} // namespace veo
