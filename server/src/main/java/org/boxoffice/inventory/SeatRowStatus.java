package org.boxoffice.inventory;

/**
 * One row of a seat map: the row label and one letter per seat, in seat-number order starting
 * at 1: {@code A} available (or an expired hold), {@code H} held, {@code S} sold, {@code X} not
 * for sale.
 */
public record SeatRowStatus(String row, String seats) {}
