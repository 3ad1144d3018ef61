package org.boxoffice.catalog.web;

import org.boxoffice.catalog.Viewer;
import org.boxoffice.identity.CurrentUser;

/** The caller of the current request, as the catalog needs to know them. */
final class Viewers {

    private Viewers() {}

    static Viewer current() {
        return new Viewer(CurrentUser.id().orElse(null), CurrentUser.isAdmin());
    }
}
