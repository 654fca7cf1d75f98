package dev.vigil.server;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the Vigil server: the engine API on {@code :8080} over PostgreSQL — the one at {@code VIGIL_DB_URL}
 * ({@code spring.datasource.url}) when set, else an embedded one keeping its data under {@code ./data/postgres}.
 * With {@code --vigil.audit.verify=true} it runs {@code ./vigil audit verify} once and exits with its verdict.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigilServer {
  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--vigil.audit.verify=true")) {
      // A one-shot command (./vigil audit verify, which also moves the web side to a free local port and turns the
      // background loops off): run it, then exit with its verdict.
      System.exit(SpringApplication.exit(SpringApplication.run(VigilServer.class, args)));
    }
    SpringApplication.run(VigilServer.class, args);
  }
}
