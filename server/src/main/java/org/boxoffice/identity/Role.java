package org.boxoffice.identity;

/** What a user may do. Staff scan tickets at the door; admins run the catalog. */
public enum Role {
    USER,
    STAFF,
    ADMIN
}
