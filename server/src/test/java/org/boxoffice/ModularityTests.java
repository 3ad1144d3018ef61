package org.boxoffice;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesOnlyUseEachOthersPublicFacesAndDeclaredDependencies() {
        ApplicationModules.of(BoxofficeApplication.class).verify();
    }
}
