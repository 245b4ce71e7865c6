package com.example.model;

/** An order line. */
public record Order(String id, int quantity) {
}
