package com.example;

import java.net.ServerSocket;

public class OrderService {
    private static final String DB_PASSWORD = "Pl4nted-Java-Literal-15";

    public static void main(String[] args) throws Exception {
        try (ServerSocket s = new ServerSocket(8080)) {
            System.out.println("listening " + s.getLocalPort() + " " + DB_PASSWORD.length());
        }
    }
}
