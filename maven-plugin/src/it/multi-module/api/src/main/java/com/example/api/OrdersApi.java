package com.example.api;

import com.example.model.Order;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Serves one order per connection on port 9090. */
public final class OrdersApi {
    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(9090)) {
            while (true) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(new Order("o-1", 2).toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
