package org.boxoffice.inventory;

import org.boxoffice.platform.ApiException;

/** The zone has fewer tickets left than were asked for; nothing was held. */
public class SoldOut extends ApiException {

    public SoldOut(String zone) {
        super(409, "SOLD_OUT", "Zone " + zone + " has not that many tickets left.");
    }
}
