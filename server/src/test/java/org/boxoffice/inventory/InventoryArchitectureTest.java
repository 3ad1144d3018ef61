package org.boxoffice.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class InventoryArchitectureTest {

    @Test
    void inventoryKnowsNothingOfTheCatalog() {
        var inventory = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.boxoffice.inventory");

        noClasses()
                .that()
                .resideInAPackage("org.boxoffice.inventory..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.boxoffice.catalog..")
                .check(inventory);
    }
}
