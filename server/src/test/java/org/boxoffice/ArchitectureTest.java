package org.boxoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/** House rules that the compiler cannot check. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.boxoffice");
    }

    @Test
    void repositoriesArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .should()
                .notBePublic()
                .because("a table belongs to its feature; others go through the feature's facade")
                .check(production);
    }

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .because("the HTTP surface is reached over HTTP, not called from other code")
                .check(production);
    }

    /**
     * In catalog and inventory the rules (plans, pricing, seat maps, ticket lines) are plain Java
     * beside the few Spring beans that store and serve them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"org.boxoffice.catalog", "org.boxoffice.inventory"})
    void onlyTheModulesBeansUseSpring(String module) {
        noClasses()
                .that()
                .resideInAPackage(module)
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
                .check(production);
    }

    @Test
    void domainCodeIsFreeOfSpring() {
        noClasses()
                .that()
                .resideInAPackage("org.boxoffice..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..")
                .because("domain rules are plain Java, tested without a container")
                .check(production);
    }
}
