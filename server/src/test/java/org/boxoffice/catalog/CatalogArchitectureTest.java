package org.boxoffice.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * The catalog's rules (plans, pricing, status transitions, seat maps) are plain Java beside the
 * few Spring beans that store and serve them.
 */
class CatalogArchitectureTest {

    @Test
    void onlyTheCatalogsBeansUseSpring() {
        var catalog = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.boxoffice.catalog");

        noClasses()
                .that()
                .resideInAPackage("org.boxoffice.catalog")
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
                .check(catalog);
    }
}
