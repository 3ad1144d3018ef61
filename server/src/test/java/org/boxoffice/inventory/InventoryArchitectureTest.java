package org.boxoffice.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

class InventoryArchitectureTest {

    @Test
    void onlyTheInventorysBeansUseSpring() {
        var inventory = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.boxoffice.inventory");

        noClasses()
                .that()
                .resideInAPackage("org.boxoffice.inventory")
                .and()
                .doNotHaveSimpleName("package-info")
                .and()
                .areNotAnnotatedWith(Service.class)
                .and()
                .areNotAnnotatedWith(Repository.class)
                .and()
                .areNotAnnotatedWith(Component.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..")
                .check(inventory);
    }

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
