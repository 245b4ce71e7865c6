package com.example.legacy;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.util.Properties;

/** Reads its database settings from billing.properties and serves on billing.port. */
public final class Billing {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Billing.class.getResourceAsStream("/billing.properties")) {
            p.load(in);
        }
        try (ServerSocket s = new ServerSocket(Integer.parseInt(p.getProperty("billing.port")))) {
            s.accept().close();
        }
    }
}
