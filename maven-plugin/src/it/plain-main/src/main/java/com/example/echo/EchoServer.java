package com.example.echo;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;

/** Echoes lines back on the port set in echo.properties (or --port). */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        try (InputStream in = EchoServer.class.getResourceAsStream("/echo.properties")) {
            config.load(in);
        }
        Options options = new Options().addOption("p", "port", true, "port to listen on");
        int port = Integer.parseInt(new DefaultParser().parse(options, args)
                .getOptionValue("port", config.getProperty("echo.port")));
        try (ServerSocket server = new ServerSocket(port)) {
            while (true) {
                try (Socket s = server.accept();
                        BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                        PrintWriter w = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                    w.println(r.readLine());
                }
            }
        }
    }
}
